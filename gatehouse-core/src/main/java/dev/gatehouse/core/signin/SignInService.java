package dev.gatehouse.core.signin;

import dev.gatehouse.core.account.Account;
import dev.gatehouse.core.account.AccountAlias;
import dev.gatehouse.core.account.AccountId;
import dev.gatehouse.core.account.EmailAddress;
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
import dev.gatehouse.core.user.IamUser;
import dev.gatehouse.core.user.LoginProfile;
import dev.gatehouse.core.user.UserName;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Console sign-in: the password step for root (e-mail) or an IAM user (account ID or alias and
 * user name), then, where the principal has MFA, the code step through {@link MfaVerifier}.
 * Password failures are audited here; MFA failures are counted by the verifier, separately.
 */
public final class SignInService {

    private final Store store;
    private final PasswordHasher hasher;
    private final MfaVerifier verifier;
    private final AuditTrail audit;
    private final Clock clock;
    // Checked against when there is no such principal, so that an unknown name costs the same
    // Argon2id time as a wrong password and the response time does not reveal which names exist.
    private final PasswordHash decoy;

    public SignInService(Store store, PasswordHasher hasher, MfaVerifier verifier, AuditTrail audit, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.decoy = hasher.hash(Password.of("decoy password, never matches"));
    }

    public PasswordSignIn signInRoot(String email, Password password, Origin origin) {
        return store.inTransaction(session -> {
            Optional<Account> account = parse(() -> EmailAddress.of(email))
                    .flatMap(address -> session.accounts().findByRootEmail(address));
            return check(session, account.map(Account::root), password, origin, email);
        });
    }

    public PasswordSignIn signInUser(String accountIdOrAlias, String userName, Password password, Origin origin) {
        return store.inTransaction(session -> {
            Optional<Account> account = parse(() -> AccountId.isAccountId(accountIdOrAlias)
                    ? session.accounts().find(AccountId.of(accountIdOrAlias))
                    : session.accounts().findByAlias(AccountAlias.of(accountIdOrAlias)))
                    .flatMap(found -> found);
            Optional<UserName> name = parse(() -> UserName.of(userName));
            Optional<PrincipalRef> principal = Optional.empty();
            if (account.isPresent() && name.isPresent()) {
                principal = session.users().findByName(account.get().id(), name.get()).map(IamUser::principal);
            }
            return check(session, principal, password, origin, accountIdOrAlias + "/" + userName);
        });
    }

    /** The code step: a code from one of the principal's enabled devices. */
    public VerificationOutcome verifyMfa(PrincipalRef principal, SerialNumber serial, String code, Origin origin) {
        return verifier.verify(principal, serial, code, origin);
    }

    private PasswordSignIn check(StoreSession session, Optional<PrincipalRef> principal, Password password,
            Origin origin, String typed) {
        Optional<LoginProfile> profile = principal.flatMap(found -> session.loginProfiles().find(found));
        boolean matches = hasher.verify(password, profile.map(LoginProfile::passwordHash).orElse(decoy));
        if (profile.isEmpty() || !matches) {
            audit.record(session, principal.map(PrincipalRef::accountId).orElse(null),
                    principal.map(found -> Lookups.arn(session, found)).orElse(typed), AuditAction.SIGN_IN_PASSWORD,
                    AuditOutcome.FAILURE, origin, false, profile.isEmpty() ? "no such principal or no password" : "wrong password");
            return PasswordSignIn.failed();
        }
        PrincipalRef found = principal.get();
        LoginProfile current = profile.get();
        Instant now = clock.instant();
        if (hasher.needsRehash(current.passwordHash())) {
            session.loginProfiles().save(new LoginProfile(found, hasher.hash(password), current.resetRequired(),
                    current.createdAt(), current.changedAt(), current.lastUsedAt()));
        }
        session.loginProfiles().recordUse(found, now);
        Account account = session.accounts().find(found.accountId()).orElseThrow();
        boolean changeRequired = current.resetRequired()
                || account.passwordPolicy().hasExpired(current.changedAt(), now);
        boolean mfa = session.mfaDevices().countAssignedTo(found) > 0;
        audit.record(session, found.accountId(), Lookups.arn(session, found), AuditAction.SIGN_IN_PASSWORD, AuditOutcome.SUCCESS,
                origin, false, mfa ? "MFA required" : "");
        return new PasswordSignIn(mfa ? SignInOutcome.MFA_REQUIRED : SignInOutcome.SIGNED_IN, found, changeRequired);
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
