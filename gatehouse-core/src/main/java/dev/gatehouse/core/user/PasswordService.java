package dev.gatehouse.core.user;

import dev.gatehouse.core.account.Account;
import dev.gatehouse.core.account.PasswordPolicy;
import dev.gatehouse.core.account.PrincipalRef;
import dev.gatehouse.core.audit.AuditAction;
import dev.gatehouse.core.audit.AuditOutcome;
import dev.gatehouse.core.audit.AuditTrail;
import dev.gatehouse.core.audit.Origin;
import dev.gatehouse.core.crypto.Password;
import dev.gatehouse.core.crypto.PasswordHash;
import dev.gatehouse.core.crypto.PasswordHasher;
import dev.gatehouse.core.error.AccessDeniedException;
import dev.gatehouse.core.error.EntityAlreadyExistsException;
import dev.gatehouse.core.error.GatehouseException;
import dev.gatehouse.core.error.LimitExceededException;
import dev.gatehouse.core.error.NoSuchEntityException;
import dev.gatehouse.core.error.PasswordPolicyViolationException;
import dev.gatehouse.core.internal.Lookups;
import dev.gatehouse.core.store.Store;
import dev.gatehouse.core.store.StoreSession;
import dev.gatehouse.core.throttle.FailureThrottle;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Console passwords of root and IAM users: set, changed and reset under the account's password
 * policy (length, character classes, reuse), hashed with Argon2id. The current password a change
 * proves is checked under the sign-in's throttle, so that an open session or an API key cannot be
 * used to guess it. A new password, or none, ends the principal's console sessions (OWASP ASVS V3.3):
 * whoever held one with the old password holds nothing now.
 */
public final class PasswordService {

    private final Store store;
    private final PasswordHasher hasher;
    private final FailureThrottle throttle;
    private final AuditTrail audit;
    private final Clock clock;

    /** @param throttle the sign-in's password throttle, whose counts a wrong current password adds to */
    public PasswordService(Store store, PasswordHasher hasher, FailureThrottle throttle, AuditTrail audit, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.throttle = Objects.requireNonNull(throttle, "throttle");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The key a principal's wrong passwords are counted under, at sign-in and wherever the password is proved. */
    public static String throttleKey(PrincipalRef principal) {
        return "password:" + principal.accountId() + ":" + principal.key();
    }

    public PasswordHasher hasher() {
        return hasher;
    }

    /**
     * CreateLoginProfile: gives {@code principal} a console password.
     *
     * @throws EntityAlreadyExistsException if it has one
     * @throws PasswordPolicyViolationException if the password breaks the account's policy
     */
    public LoginProfile createLoginProfile(PrincipalRef principal, Password password, boolean resetRequired,
            Origin origin) {
        return store.inTransaction(session -> {
            String arn = Lookups.holdPrincipalArn(session, principal);
            Account account = Lookups.requireAccount(session, principal.accountId());
            if (session.loginProfiles().find(principal).isPresent()) {
                throw new EntityAlreadyExistsException("Login Profile for the principal already exists.");
            }
            LoginProfile profile = establish(session, account, principal, password, resetRequired);
            audit.record(session, principal.accountId(), arn,
                    AuditAction.LOGIN_PROFILE_CREATED, AuditOutcome.SUCCESS, origin, false, "");
            return profile;
        });
    }

    /**
     * Gives a principal without one a password inside the caller's unit of work, checking the policy
     * and keeping history; for services that create a principal and its password together.
     *
     * @throws EntityAlreadyExistsException if the principal has a password, one made meanwhile included
     */
    public LoginProfile establish(StoreSession session, Account account, PrincipalRef principal, Password password,
            boolean resetRequired) {
        Instant now = clock.instant();
        checkPolicy(session, account.passwordPolicy(), principal, password, Optional.empty());
        PasswordHash hash = hasher.hash(password);
        LoginProfile profile = new LoginProfile(principal, hash, resetRequired, now, now, null);
        session.loginProfiles().insert(profile);
        session.loginProfiles().appendHistory(principal, hash, now);
        return profile;
    }

    /**
     * Replaces {@code current}, read by
     * {@link dev.gatehouse.core.store.LoginProfileRepository#findToChange} in the same unit of work,
     * checking the policy and keeping history. Never makes a profile: one deleted meanwhile stays deleted.
     */
    private LoginProfile replace(StoreSession session, Account account, LoginProfile current, Password password,
            boolean resetRequired) {
        Instant now = clock.instant();
        PrincipalRef principal = current.principal();
        checkPolicy(session, account.passwordPolicy(), principal, password, Optional.of(current));
        PasswordHash hash = hasher.hash(password);
        LoginProfile profile = new LoginProfile(principal, hash, resetRequired, current.createdAt(), now,
                current.lastUsedAt());
        if (!session.loginProfiles().update(profile)) {
            throw noLoginProfile();
        }
        session.loginProfiles().appendHistory(principal, hash, now);
        return profile;
    }

    /**
     * ChangePassword: the principal's own change, proving the old password. A wrong old password
     * counts towards the sign-in's throttle (and is audited); while the principal is throttled, the
     * old password is not tried. Ends the principal's console sessions.
     *
     * <p>An expired password can be changed here even under a policy with a hard expiry, as AWS's
     * ChangePassword allows a user with an access key: the hard expiry closes the console (the sign-in
     * answers {@link dev.gatehouse.core.signin.SignInOutcome#EXPIRED}), not this.
     *
     * @throws AccessDeniedException if the old password is wrong, or was reset by an administrator after
     *     it was checked (audited as a failure but not counted as a wrong password)
     * @throws NoSuchEntityException if the principal has no password
     * @throws LimitExceededException while too many recent wrong passwords block the principal
     * @throws PasswordPolicyViolationException if the new one breaks the policy or reuses a recent one
     */
    public LoginProfile changePassword(PrincipalRef principal, Password oldPassword, Password newPassword,
            Origin origin) {
        List<String> keys = List.of(throttleKey(principal));
        PasswordHash checked = store.read(session -> {
            Lookups.requireAccount(session, principal.accountId());
            return session.loginProfiles().find(principal).map(LoginProfile::passwordHash)
                    .orElseThrow(() -> new NoSuchEntityException("The principal has no password."));
        });
        Optional<Instant> blockedBefore = store.read(session -> throttle.blockedUntil(session, keys, clock.instant()));
        // Hashed outside the write transaction, which on SQLite would hold every other writer for it.
        boolean matches = blockedBefore.isEmpty() && hasher.verify(oldPassword, checked);
        // The refusal is thrown after the commit, so that the failure it counts is kept.
        Optional<GatehouseException> refusal = store.inTransaction(session -> {
            // The password locked first, as at sign-in: a burst of wrong old passwords is counted one after another.
            Optional<LoginProfile> current = session.loginProfiles().findToChange(principal);
            Instant now = clock.instant();
            FailureThrottle.Standing standing = throttle.standing(session, keys, now);
            Optional<Instant> blocked = blockedBefore.or(standing::blockedUntil);
            String actor = Lookups.arn(session, principal);
            if (blocked.isPresent()) {
                audit.record(session, principal.accountId(), actor, AuditAction.PASSWORD_CHANGED, AuditOutcome.THROTTLED,
                        origin, false, "blocked until " + blocked.get());
                return Optional.<GatehouseException>of(new LimitExceededException("Too many wrong passwords: the current password is not"
                        + " checked until " + blocked.get().truncatedTo(ChronoUnit.SECONDS) + "."));
            }
            // A password changed meanwhile makes the old one as wrong as a mistyped one.
            if (!matches || !LoginProfile.stillHas(current, checked)) {
                throttle.recordFailure(session, keys, now);
                audit.record(session, principal.accountId(), actor, AuditAction.PASSWORD_CHANGED, AuditOutcome.FAILURE,
                        origin, false, "wrong current password");
                return Optional.<GatehouseException>of(new AccessDeniedException("The old password is not correct."));
            }
            throttle.reset(session, standing);
            return Optional.empty();
        });
        if (refusal.isPresent()) {
            throw refusal.get();
        }
        // Empty when refused: the refusal's audit event is committed before it is thrown.
        Optional<LoginProfile> changed = store.inTransaction(session -> {
            Account account = Lookups.requireAccount(session, principal.accountId());
            LoginProfile profile = session.loginProfiles().findToChange(principal)
                    .orElseThrow(() -> new NoSuchEntityException("The principal has no password."));
            String actor = Lookups.arn(session, principal);
            // Reset by an administrator since the old password was checked: that password stands. Not
            // counted as a wrong password, since it was right when checked.
            if (!profile.passwordHash().equals(checked)) {
                audit.record(session, principal.accountId(), actor, AuditAction.PASSWORD_CHANGED, AuditOutcome.FAILURE,
                        origin, false, "password reset meanwhile");
                return Optional.<LoginProfile>empty();
            }
            LoginProfile replaced = replace(session, account, profile, newPassword, false);
            session.consoleSessions().deleteAllFor(principal);
            audit.record(session, principal.accountId(), actor, AuditAction.PASSWORD_CHANGED,
                    AuditOutcome.SUCCESS, origin, false, "by the principal");
            return Optional.of(replaced);
        });
        return changed.orElseThrow(() -> new AccessDeniedException("The old password is not correct."));
    }

    /**
     * Whether {@code principal}'s password has expired under a hard expiry, so that the console must
     * not let it set a new one (AWS's HardExpiry): for a session opened before the expiry, since the
     * sign-in lets no such principal in after it.
     */
    public boolean locksOutOfConsole(PrincipalRef principal) {
        return store.read(session -> {
            PasswordPolicy policy = Lookups.requireAccount(session, principal.accountId()).passwordPolicy();
            return session.loginProfiles().find(principal)
                    .filter(profile -> policy.locksOutOfConsole(principal, profile.changedAt(), clock.instant()))
                    .isPresent();
        });
    }

    /** UpdateLoginProfile: an administrator sets a new password. Ends the principal's console sessions. */
    public LoginProfile resetPassword(PrincipalRef principal, Password newPassword, boolean resetRequired,
            Origin origin) {
        return store.inTransaction(session -> {
            Account account = Lookups.requireAccount(session, principal.accountId());
            LoginProfile current = session.loginProfiles().findToChange(principal).orElseThrow(PasswordService::noLoginProfile);
            LoginProfile changed = replace(session, account, current, newPassword, resetRequired);
            session.consoleSessions().deleteAllFor(principal);
            audit.record(session, principal.accountId(), Lookups.arn(session, principal), AuditAction.PASSWORD_CHANGED,
                    AuditOutcome.SUCCESS, origin, false, "by an administrator");
            return changed;
        });
    }

    /** UpdateLoginProfile with no new password: only whether a new one is required at next sign-in. */
    public LoginProfile setResetRequired(PrincipalRef principal, boolean resetRequired, Origin origin) {
        return store.inTransaction(session -> {
            LoginProfile profile = session.loginProfiles().findToChange(principal)
                    .orElseThrow(PasswordService::noLoginProfile);
            LoginProfile changed = new LoginProfile(principal, profile.passwordHash(), resetRequired, profile.createdAt(),
                    profile.changedAt(), profile.lastUsedAt());
            if (!session.loginProfiles().update(changed)) {
                throw noLoginProfile();
            }
            audit.record(session, principal.accountId(), Lookups.arn(session, principal), AuditAction.PASSWORD_CHANGED,
                    AuditOutcome.SUCCESS, origin, false, "reset required: " + resetRequired);
            return changed;
        });
    }

    /** DeleteLoginProfile; ends the principal's console sessions. @throws NoSuchEntityException if there is none */
    public void deleteLoginProfile(PrincipalRef principal, Origin origin) {
        store.inTransaction(session -> {
            if (!session.loginProfiles().delete(principal)) {
                throw noLoginProfile();
            }
            session.consoleSessions().deleteAllFor(principal);
            audit.record(session, principal.accountId(), Lookups.arn(session, principal),
                    AuditAction.LOGIN_PROFILE_DELETED, AuditOutcome.SUCCESS, origin, false, "");
            return null;
        });
    }

    public Optional<LoginProfile> findLoginProfile(PrincipalRef principal) {
        return store.read(session -> session.loginProfiles().find(principal));
    }

    private void checkPolicy(StoreSession session, PasswordPolicy policy, PrincipalRef principal, Password password,
            Optional<LoginProfile> existing) {
        List<String> violations = new ArrayList<>(policy.violations(password));
        if (policy.reusePrevention() > 0) {
            List<PasswordHash> recent = session.loginProfiles().history(principal, policy.reusePrevention());
            boolean reused = recent.stream().anyMatch(hash -> hasher.verify(password, hash))
                    || existing.map(profile -> hasher.verify(password, profile.passwordHash())).orElse(false);
            if (reused) {
                violations.add("not one of the last " + policy.reusePrevention() + " passwords");
            }
        }
        if (!violations.isEmpty()) {
            throw new PasswordPolicyViolationException("The password does not meet the account's password policy: it needs "
                    + String.join(", ", violations) + ".");
        }
    }

    /** UpdateLoginProfile and DeleteLoginProfile for a principal without one, or whose one was deleted meanwhile. */
    private static NoSuchEntityException noLoginProfile() {
        return new NoSuchEntityException("The principal has no login profile.");
    }
}
