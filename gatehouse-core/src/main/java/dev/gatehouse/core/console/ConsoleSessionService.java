package dev.gatehouse.core.console;

import dev.gatehouse.core.account.PrincipalRef;
import dev.gatehouse.core.audit.AuditAction;
import dev.gatehouse.core.audit.AuditOutcome;
import dev.gatehouse.core.audit.AuditTrail;
import dev.gatehouse.core.audit.Origin;
import dev.gatehouse.core.internal.Lookups;
import dev.gatehouse.core.mfa.SerialNumber;
import dev.gatehouse.core.store.Store;
import dev.gatehouse.core.store.StoreSession;
import dev.gatehouse.core.user.LoginProfile;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * Console sessions in the store, so that any node serves the next request. A session gets a new
 * ID whenever its privilege changes (password accepted, MFA proved) and loses it at sign-out, so
 * an ID seen before sign-in is worthless after it (session fixation, OWASP ASVS V3.2).
 */
public final class ConsoleSessionService {

    /**
     * How stale the recorded last request may be before a request writes it again. The idle
     * timeout is judged to within this; without it every page view would be a database write.
     */
    static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    private static final int CSRF_SECRET_BYTES = 32;

    private final Store store;
    private final AuditTrail audit;
    private final ConsoleSessionLimits limits;
    private final Clock clock;
    private final SecureRandom random;

    public ConsoleSessionService(Store store, AuditTrail audit, ConsoleSessionLimits limits, Clock clock,
            SecureRandom random) {
        this.store = Objects.requireNonNull(store, "store");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    public ConsoleSessionLimits limits() {
        return limits;
    }

    /**
     * A new session after the password step, in {@code state} PENDING_MFA when a code is owed.
     * The session the browser held before, if any, is deleted; expired sessions are swept away.
     */
    public IssuedConsoleSession start(PrincipalRef principal, ConsoleSessionState state, boolean passwordChangeRequired,
            Optional<ConsoleSessionId> previous) {
        return store.inTransaction(session -> start(session, principal, state, passwordChangeRequired, previous));
    }

    /** {@link #start(PrincipalRef, ConsoleSessionState, boolean, Optional)} in the caller's unit of work. */
    public IssuedConsoleSession start(StoreSession session, PrincipalRef principal, ConsoleSessionState state,
            boolean passwordChangeRequired, Optional<ConsoleSessionId> previous) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(state, "state");
        Instant now = clock.instant();
        previous.ifPresent(id -> session.consoleSessions().delete(id.digest()));
        session.consoleSessions().deleteExpired(now.minus(limits.idle()), now.minus(limits.absolute()));
        return insert(session, new Draft(principal, state, null, passwordChangeRequired, now,
                state == ConsoleSessionState.AUTHENTICATED ? now : null), now, null);
    }

    /**
     * The code step passed: the pending session is replaced by an authenticated one under a new
     * ID that records the device; the absolute timeout still counts from the password step.
     * Audited as the MFA sign-in.
     *
     * @return empty if the pending session is gone (expired, or completed by a concurrent request)
     */
    public Optional<IssuedConsoleSession> completeMfa(ConsoleSession pending, SerialNumber serial, Origin origin) {
        requirePending(pending, serial);
        return store.inTransaction(session -> completeMfa(session, pending, serial, origin));
    }

    /**
     * {@link #completeMfa(ConsoleSession, SerialNumber, Origin)} in the caller's unit of work, such as
     * the one that accepted the code, so that the code's use and the session it opens commit together.
     */
    public Optional<IssuedConsoleSession> completeMfa(StoreSession session, ConsoleSession pending, SerialNumber serial,
            Origin origin) {
        requirePending(pending, serial);
        // The password's row first: a reset or DeleteLoginProfile under way, which ends the principal's
        // sessions, is waited for (and this pending one is gone), and one that comes later waits for
        // this unit of work and then ends the session it opens.
        session.loginProfiles().findToChange(pending.principal());
        if (!session.consoleSessions().delete(pending.digest())) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        IssuedConsoleSession issued = insert(session, new Draft(pending.principal(), ConsoleSessionState.AUTHENTICATED,
                serial, pending.passwordChangeRequired(), pending.createdAt(), now), now, null);
        audit.record(session, pending.principal().accountId(), Lookups.arn(session, pending.principal()),
                AuditAction.SIGN_IN_MFA, AuditOutcome.SUCCESS, origin, true, "device " + serial);
        return Optional.of(issued);
    }

    static void requirePending(ConsoleSession pending, SerialNumber serial) {
        Objects.requireNonNull(serial, "serial");
        if (pending.state() != ConsoleSessionState.PENDING_MFA) {
            throw new IllegalArgumentException("only a session waiting for a code can complete MFA");
        }
    }

    /**
     * The live session with this ID, its last request moved to now. An expired session is
     * deleted and not returned.
     */
    public Optional<ConsoleSession> resume(ConsoleSessionId id) {
        String digest = id.digest();
        // Most requests only read: the session is live and was seen within the minute. They take no
        // write transaction, which on SQLite would queue them behind every write of the server.
        Optional<ConsoleSession> read = store.read(session -> session.consoleSessions().find(digest));
        Instant seen = clock.instant();
        if (read.isEmpty() || (!read.get().hasExpired(limits, seen) && !touchDue(read.get(), seen))) {
            return read;
        }
        return store.inTransaction(session -> {
            Optional<ConsoleSession> found = session.consoleSessions().find(digest);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            Instant now = clock.instant();
            ConsoleSession current = found.get();
            if (current.hasExpired(limits, now)) {
                session.consoleSessions().delete(digest);
                return Optional.empty();
            }
            if (touchDue(current, now)) {
                current = current.seenAt(now);
                session.consoleSessions().update(current);
            }
            return Optional.of(current);
        });
    }

    private static boolean touchDue(ConsoleSession session, Instant now) {
        return Duration.between(session.lastSeenAt(), now).compareTo(TOUCH_INTERVAL) >= 0;
    }

    /** The password was typed again before a sensitive change. */
    public ConsoleSession reauthenticated(ConsoleSession current) {
        ConsoleSession changed = new ConsoleSession(current.digest(), current.principal(), current.state(),
                current.mfaSerial(), current.passwordChangeRequired(), current.createdAt(), current.authenticatedAt(),
                current.lastSeenAt(), clock.instant(), current.csrfSecret());
        store.inTransaction(session -> {
            session.consoleSessions().update(changed);
            return null;
        });
        return changed;
    }

    /**
     * The principal's password was set in this session to {@code changed} (its own change, or an
     * administrator's reset of its own). The password service has ended all of its console sessions
     * (OWASP ASVS V3.3); this one goes on under a new ID, as at every change of what a session proves,
     * with the change no longer due and the password counted as typed just now. The absolute timeout
     * still counts from the sign-in.
     *
     * @return empty if the password is no longer {@code changed}: a reset or DeleteLoginProfile that
     *     landed after the change ended every session of the principal, and this one must not come back
     */
    public Optional<IssuedConsoleSession> passwordChanged(ConsoleSession current, LoginProfile changed) {
        if (!changed.principal().equals(current.principal())) {
            throw new IllegalArgumentException("the password changed is not the session's principal's");
        }
        return store.inTransaction(session -> {
            // Locked as a reset locks it: a reset under way is waited for (and then seen), and one that
            // comes later waits for this unit of work and then ends the session it opens.
            boolean stillSet = LoginProfile.stillHas(session.loginProfiles().findToChange(current.principal()),
                    changed.passwordHash());
            session.consoleSessions().delete(current.digest());
            if (!stillSet) {
                return Optional.empty();
            }
            Instant now = clock.instant();
            return Optional.of(insert(session, new Draft(current.principal(), current.state(), current.mfaSerial(), false,
                    current.createdAt(), current.authenticatedAt()), now, now));
        });
    }

    /** Sign-out: the session is deleted, so its ID opens nothing any more. Audited. */
    public void end(ConsoleSession current, Origin origin) {
        store.inTransaction(session -> {
            if (session.consoleSessions().delete(current.digest())) {
                audit.record(session, current.principal().accountId(), Lookups.arn(session, current.principal()),
                        AuditAction.SIGN_OUT, AuditOutcome.SUCCESS, origin, current.mfaUsed(), "");
            }
            return null;
        });
    }

    /** Ends every console session of {@code principal}. */
    public int endAll(PrincipalRef principal) {
        return store.inTransaction(session -> session.consoleSessions().deleteAllFor(principal));
    }

    private record Draft(PrincipalRef principal, ConsoleSessionState state, SerialNumber mfaSerial,
            boolean passwordChangeRequired, Instant createdAt, Instant authenticatedAt) {
    }

    private IssuedConsoleSession insert(StoreSession session, Draft draft, Instant now, Instant reauthenticatedAt) {
        ConsoleSessionId id = ConsoleSessionId.generate(random);
        byte[] csrf = new byte[CSRF_SECRET_BYTES];
        random.nextBytes(csrf);
        ConsoleSession created = new ConsoleSession(id.digest(), draft.principal(), draft.state(), draft.mfaSerial(),
                draft.passwordChangeRequired(), draft.createdAt(), draft.authenticatedAt(), now, reauthenticatedAt,
                Base64.getUrlEncoder().withoutPadding().encodeToString(csrf));
        session.consoleSessions().insert(created);
        return new IssuedConsoleSession(id, created);
    }
}
