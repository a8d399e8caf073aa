package dev.gatehouse.core.signin;

import dev.gatehouse.core.account.Account;
import dev.gatehouse.core.account.AccountAlias;
import dev.gatehouse.core.account.AccountId;
import dev.gatehouse.core.account.EmailAddress;
import dev.gatehouse.core.account.PasswordPolicy;
import dev.gatehouse.core.account.PrincipalRef;
import dev.gatehouse.core.audit.AuditAction;
import dev.gatehouse.core.audit.AuditOutcome;
import dev.gatehouse.core.audit.AuditTrail;
import dev.gatehouse.core.audit.Origin;
import dev.gatehouse.core.crypto.Password;
import dev.gatehouse.core.crypto.PasswordHash;
import dev.gatehouse.core.crypto.PasswordHasher;
import dev.gatehouse.core.error.ValidationException;
import dev.gatehouse.core.mfa.MfaVerifier;
import dev.gatehouse.core.mfa.SerialNumber;
import dev.gatehouse.core.mfa.VerificationOutcome;
import dev.gatehouse.core.internal.Lookups;
import dev.gatehouse.core.store.Store;
import dev.gatehouse.core.store.StoreSession;
import dev.gatehouse.core.throttle.FailureThrottle;
import dev.gatehouse.core.user.IamUser;
import dev.gatehouse.core.user.LoginProfile;
import dev.gatehouse.core.user.PasswordService;
import dev.gatehouse.core.user.UserName;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Console sign-in: the password step for root (e-mail) or an IAM user (account ID or alias and
 * user name), then, where the principal has MFA, the code step through {@link MfaVerifier}.
 * Password failures are counted and throttled here, per principal; MFA failures are counted by the
 * verifier under keys of their own, so neither kind of failure locks out the other step.
 */
public final class SignInService {

    private final Store store;
    private final PasswordHasher hasher;
    private final MfaVerifier verifier;
    private final FailureThrottle throttle;
    private final AuditTrail audit;
    private final Clock clock;
    // Checked against when there is no such principal, so that an unknown name costs the same
    // Argon2id time as a wrong password and the response time does not reveal which names exist.
    private final PasswordHash decoy;

    /**
     * @param throttle counts password failures per principal, under keys of their own, apart from
     *     the MFA failures the verifier counts
     */
    public SignInService(Store store, PasswordHasher hasher, MfaVerifier verifier, FailureThrottle throttle,
            AuditTrail audit, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.throttle = Objects.requireNonNull(throttle, "throttle");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.decoy = hasher.hash(Password.of("decoy password, never matches"));
    }

    public PasswordSignIn signInRoot(String email, Password password, Origin origin) {
        return signInRoot(email, password, origin, (session, result) -> result);
    }

    /**
     * The password step of the root user, with {@code then} run on its result in the unit of work that
     * records it (the audit event, the throttle), so that what follows a sign-in (a console session) is
     * committed with it: one durable commit, not two. A failure {@code then} throws undoes the record too.
     */
    public <T> T signInRoot(String email, Password password, Origin origin, BiFunction<StoreSession, PasswordSignIn, T> then) {
        return check(session -> parse(() -> EmailAddress.of(email))
                .flatMap(address -> session.accounts().findByRootEmail(address)).map(Account::root), password, origin, email,
                then);
    }

    public PasswordSignIn signInUser(String accountIdOrAlias, String userName, Password password, Origin origin) {
        return signInUser(accountIdOrAlias, userName, password, origin, (session, result) -> result);
    }

    /** The password step of an IAM user, with {@code then} as in {@link #signInRoot(String, Password, Origin, BiFunction)}. */
    public <T> T signInUser(String accountIdOrAlias, String userName, Password password, Origin origin,
            BiFunction<StoreSession, PasswordSignIn, T> then) {
        return check(session -> {
            Optional<Account> account = parse(() -> AccountId.isAccountId(accountIdOrAlias)
                    ? session.accounts().find(AccountId.of(accountIdOrAlias))
                    : session.accounts().findByAlias(AccountAlias.of(accountIdOrAlias)))
                    .flatMap(found -> found);
            Optional<UserName> name = parse(() -> UserName.of(userName));
            if (account.isPresent() && name.isPresent()) {
                return session.users().findByName(account.get().id(), name.get()).map(IamUser::principal);
            }
            return Optional.<PrincipalRef>empty();
        }, password, origin, accountIdOrAlias + "/" + userName, then);
    }

    /**
     * The code step: a code from one of the principal's enabled devices. A code refused here is also
     * audited as a failed {@link AuditAction#SIGN_IN_MFA}, in the same unit of work as the verifier's
     * {@link AuditAction#MFA_VERIFICATION}, so that the sign-in history shows every attempt; the accepted
     * code's SIGN_IN_MFA is written when the session completes the sign-in.
     */
    public VerificationOutcome verifyMfa(PrincipalRef principal, SerialNumber serial, String code, Origin origin) {
        return verifyMfa(principal, serial, code, origin, (session, outcome) -> outcome);
    }

    /**
     * The code step, with {@code then} run on its outcome in the same unit of work as the verification
     * (the code's step advanced, the audit events), so that the session an accepted code completes is
     * committed with it: one durable commit, not two. A failure {@code then} throws undoes the
     * verification too, so the code stays unused.
     */
    public <T> T verifyMfa(PrincipalRef principal, SerialNumber serial, String code, Origin origin,
            BiFunction<StoreSession, VerificationOutcome, T> then) {
        return store.inTransaction(session -> {
            VerificationOutcome outcome = verifier.verify(session, principal, serial, code, origin);
            if (!outcome.accepted()) {
                audit.record(session, principal.accountId(), Lookups.arn(session, principal), AuditAction.SIGN_IN_MFA,
                        AuditOutcome.of(outcome), origin, false, refusal(outcome) + ", device " + serial);
            }
            return then.apply(session, outcome);
        });
    }

    private static String refusal(VerificationOutcome outcome) {
        return switch (outcome) {
            case INVALID -> "wrong code";
            case REPLAYED -> "code already used";
            case THROTTLED -> "too many recent failures";
            case UNKNOWN_DEVICE -> "no such device of the principal";
            case ACCEPTED -> throw new IllegalArgumentException("not a refusal");
        };
    }

    /**
     * The signed-in principal typed its password again before a sensitive change (removing an MFA
     * device). Failures count towards the same throttle as the sign-in's password step, so a
     * session cannot be used to guess the password; while throttled, the password is not tried.
     *
     * @return whether the password is the principal's and the principal is not throttled
     */
    public boolean reauthenticate(PrincipalRef principal, Password password, Origin origin) {
        Objects.requireNonNull(principal, "principal");
        List<String> keys = List.of(throttleKey(principal));
        Optional<Instant> blockedBefore = store.read(session -> throttle.blockedUntil(session, keys, clock.instant()));
        Optional<PasswordHash> checked = store.read(session -> session.loginProfiles().find(principal))
                .map(LoginProfile::passwordHash);
        // Hashed outside the transaction, for the reason given in check(); not at all while throttled.
        boolean matches = blockedBefore.isEmpty() && checked.isPresent() && hasher.verify(password, checked.get());
        return store.inTransaction(session -> {
            // The password locked first, as at sign-in: a burst of wrong passwords is counted one after another.
            Optional<LoginProfile> current = session.loginProfiles().findToChange(principal);
            Instant now = clock.instant();
            String actor = Lookups.arn(session, principal);
            FailureThrottle.Standing standing = throttle.standing(session, keys, now);
            Optional<Instant> blocked = blockedBefore.or(standing::blockedUntil);
            if (blocked.isPresent()) {
                audit.record(session, principal.accountId(), actor, AuditAction.REAUTHENTICATION, AuditOutcome.THROTTLED,
                        origin, false, "blocked until " + blocked.get());
                return false;
            }
            if (!matches || !LoginProfile.stillHas(current, checked.get())) {
                throttle.recordFailure(session, keys, now);
                audit.record(session, principal.accountId(), actor, AuditAction.REAUTHENTICATION, AuditOutcome.FAILURE,
                        origin, false, "wrong password");
                return false;
            }
            throttle.reset(session, standing);
            audit.record(session, principal.accountId(), actor, AuditAction.REAUTHENTICATION, AuditOutcome.SUCCESS,
                    origin, false, "");
            return true;
        });
    }

    /**
     * Checks the password against the principal's stored hash, then records the outcome. The Argon2id
     * hash runs outside any transaction: on SQLite a transaction holds the process's one writer lock,
     * and hashing inside it would make every other sign-in and every console request wait for each
     * hash in turn. The transaction then decides on the state as it is at commit: a principal throttled
     * meanwhile (by concurrent guesses) is refused, and a password changed meanwhile counts as wrong.
     */
    private <T> T check(Function<StoreSession, Optional<PrincipalRef>> lookup, Password password, Origin origin,
            String typed, BiFunction<StoreSession, PasswordSignIn, T> then) {
        // The principal and its password hash in one read: one connection from the pool, not two.
        Found found = store.read(session -> {
            Optional<PrincipalRef> principal = lookup.apply(session);
            Optional<LoginProfile> profile = principal.flatMap(named -> session.loginProfiles().find(named));
            return new Found(principal, profile.map(LoginProfile::passwordHash));
        });
        Optional<PrincipalRef> principal = found.principal();
        Optional<PasswordHash> checked = found.passwordHash();
        // Always hashed, so neither an unknown name nor a lock shows in the response time.
        boolean matches = hasher.verify(password, checked.orElse(decoy));
        Optional<PasswordHash> rehashed = matches && hasher.needsRehash(checked.get())
                ? Optional.of(hasher.hash(password)) : Optional.empty();
        return store.inTransaction(session -> then.apply(session,
                record(session, principal, checked, matches, rehashed, origin, typed)));
    }

    private PasswordSignIn record(StoreSession session, Optional<PrincipalRef> principal, Optional<PasswordHash> checked,
            boolean matched, Optional<PasswordHash> rehashed, Origin origin, String typed) {
        Instant now = clock.instant();
        // Locked, so that sign-ins with one password are counted one after another, and a reset or
        // DeleteLoginProfile waits for this one and then ends the session it opens.
        Optional<LoginProfile> profile = principal.flatMap(found -> session.loginProfiles().findToChange(found));
        List<String> keys = principal.map(found -> List.of(throttleKey(found))).orElse(List.of());
        FailureThrottle.Standing standing = throttle.standing(session, keys, now);
        Optional<Instant> blocked = standing.blockedUntil();
        boolean matches = matched && LoginProfile.stillHas(profile, checked.get());
        if (blocked.isPresent()) {
            // Answered as a plain failure, so a lock does not confirm that the principal exists.
            audit.record(session, principal.get().accountId(), Lookups.arn(session, principal.get()),
                    AuditAction.SIGN_IN_PASSWORD, AuditOutcome.THROTTLED, origin, false, "blocked until " + blocked.get());
            return PasswordSignIn.failed();
        }
        if (profile.isEmpty() || !matches) {
            throttle.recordFailure(session, keys, now);
            audit.record(session, principal.map(PrincipalRef::accountId).orElse(null),
                    principal.map(found -> Lookups.arn(session, found)).orElse(typed), AuditAction.SIGN_IN_PASSWORD,
                    AuditOutcome.FAILURE, origin, false, profile.isEmpty() ? "no such principal or no password" : "wrong password");
            return PasswordSignIn.failed();
        }
        throttle.reset(session, standing);
        PrincipalRef found = principal.get();
        LoginProfile current = profile.get();
        PasswordPolicy policy = session.accounts().find(found.accountId()).orElseThrow().passwordPolicy();
        if (policy.locksOutOfConsole(found, current.changedAt(), now)) {
            audit.record(session, found.accountId(), Lookups.arn(session, found), AuditAction.SIGN_IN_PASSWORD,
                    AuditOutcome.FAILURE, origin, false, "password expired: only an administrator can set a new one");
            return new PasswordSignIn(SignInOutcome.EXPIRED, found, false);
        }
        if (rehashed.isPresent()) {
            // Never a password back: a profile deleted meanwhile is left deleted.
            session.loginProfiles().update(new LoginProfile(found, rehashed.get(), current.resetRequired(),
                    current.createdAt(), current.changedAt(), current.lastUsedAt()));
        }
        session.loginProfiles().recordUse(found, now);
        boolean changeRequired = current.resetRequired() || policy.requiresChange(found, current.changedAt(), now);
        boolean mfa = session.mfaDevices().countAssignedTo(found) > 0;
        audit.record(session, found.accountId(), Lookups.arn(session, found), AuditAction.SIGN_IN_PASSWORD, AuditOutcome.SUCCESS,
                origin, false, mfa ? "MFA required" : "");
        return new PasswordSignIn(mfa ? SignInOutcome.MFA_REQUIRED : SignInOutcome.SIGNED_IN, found, changeRequired);
    }


    /** Who the typed name is, and its password hash where it has a password. */
    private record Found(Optional<PrincipalRef> principal, Optional<PasswordHash> passwordHash) {
    }

    private static String throttleKey(PrincipalRef principal) {
        return PasswordService.throttleKey(principal);
    }

    /** What the user typed, or empty if it cannot name anything; a sign-in never fails with a 400. */
    private static <T> Optional<T> parse(java.util.function.Supplier<T> parser) {
        try {
            return Optional.of(parser.get());
        } catch (ValidationException malformed) {
            return Optional.empty();
        }
    }
}
