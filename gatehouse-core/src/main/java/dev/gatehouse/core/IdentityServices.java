package dev.gatehouse.core;

import dev.gatehouse.core.account.AccountService;
import dev.gatehouse.core.account.CredentialReportService;
import dev.gatehouse.core.audit.AuditTrail;
import dev.gatehouse.core.crypto.KeyRing;
import dev.gatehouse.core.crypto.KeyRotationService;
import dev.gatehouse.core.crypto.PasswordHasher;
import dev.gatehouse.core.crypto.SecretCipher;
import dev.gatehouse.core.internal.RandomIds;
import dev.gatehouse.core.mfa.MfaDeviceService;
import dev.gatehouse.core.throttle.FailureThrottle;
import dev.gatehouse.core.mfa.MfaVerifier;
import dev.gatehouse.core.throttle.ThrottlePolicy;
import dev.gatehouse.core.signin.SignInService;
import dev.gatehouse.core.store.Store;
import dev.gatehouse.core.sts.SessionTokenService;
import dev.gatehouse.core.user.AccessKeyService;
import dev.gatehouse.core.user.PasswordService;
import dev.gatehouse.core.user.UserService;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;

/**
 * The domain services wired over one store, one key ring and one clock: what {@code serve} and
 * the admin commands build once at start and call.
 *
 * <pre>{@code
 * JdbcStore store = JdbcStore.open(StoreSettings.of(databaseUrl, dataDirectory));
 * IdentityServices services = IdentityServices.create(store, new MasterKeySource(dataDirectory).load(), Clock.systemUTC());
 * Account account = services.accounts().createAccount(email, alias, password);
 * }</pre>
 */
public record IdentityServices(Store store, Clock clock, SecretCipher cipher, PasswordHasher hasher,
        AccountService accounts, PasswordService passwords, UserService users, AccessKeyService accessKeys,
        MfaDeviceService mfaDevices, MfaVerifier mfaVerifier, SignInService signIn, KeyRotationService keyRotation,
        CredentialReportService credentialReports, AuditTrail audit,
        SessionTokenService sessionTokens) {

    public IdentityServices {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(clock, "clock");
    }

    /** The production wiring: OWASP's Argon2id parameters and the default MFA throttle. */
    public static IdentityServices create(Store store, KeyRing keys, Clock clock) {
        return create(store, new SecretCipher(keys), new PasswordHasher(), ThrottlePolicy.DEFAULT, clock);
    }

    /** The wiring with another hasher or throttle policy: cheaper ones for tests, stricter ones by configuration. */
    public static IdentityServices create(Store store, SecretCipher cipher, PasswordHasher hasher,
            ThrottlePolicy throttlePolicy, Clock clock) {
        RandomIds ids = new RandomIds();
        AuditTrail audit = new AuditTrail(clock, ids);
        FailureThrottle throttle = new FailureThrottle(throttlePolicy);
        // Password failures are counted apart from MFA failures, so neither kind locks out the other step.
        FailureThrottle passwordThrottle = new FailureThrottle(throttlePolicy);
        PasswordService passwords = new PasswordService(store, hasher, passwordThrottle, audit, clock);
        AccessKeyService accessKeys = new AccessKeyService(store, cipher, audit, clock, ids);
        MfaVerifier verifier = new MfaVerifier(store, cipher, throttle, audit, clock);
        return new IdentityServices(store, clock, cipher, hasher,
                new AccountService(store, passwords, audit, clock, ids), passwords,
                new UserService(store, accessKeys, audit, clock, ids), accessKeys,
                new MfaDeviceService(store, cipher, throttle, audit, clock, ids), verifier,
                new SignInService(store, hasher, verifier, passwordThrottle, audit, clock), new KeyRotationService(store, audit),
                new CredentialReportService(store, clock), audit,
                new SessionTokenService(store, cipher, verifier, audit, clock, ids, new SecureRandom()));
    }
}
