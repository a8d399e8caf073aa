package dev.gatehouse.store.jdbc;

import dev.gatehouse.core.account.AccountService;
import dev.gatehouse.core.audit.AuditTrail;
import dev.gatehouse.core.crypto.Argon2Parameters;
import dev.gatehouse.core.crypto.PasswordHasher;
import dev.gatehouse.core.crypto.SecretCipher;
import dev.gatehouse.core.internal.RandomIds;
import dev.gatehouse.core.mfa.MfaDeviceService;
import dev.gatehouse.core.mfa.MfaThrottle;
import dev.gatehouse.core.mfa.MfaVerifier;
import dev.gatehouse.core.mfa.ThrottlePolicy;
import dev.gatehouse.core.signin.SignInService;
import dev.gatehouse.core.store.Store;
import dev.gatehouse.core.user.AccessKeyService;
import dev.gatehouse.core.user.PasswordService;
import dev.gatehouse.core.user.UserService;

/** The domain services over one store, wired as a server wires them; cheap Argon2 keeps tests quick. */
final class Services {

    final Store store;
    final TestClock clock;
    final SecretCipher cipher;
    final RandomIds ids = new RandomIds();
    final PasswordHasher hasher = new PasswordHasher(new Argon2Parameters(64, 1, 1));
    final AuditTrail audit;
    final MfaThrottle throttle = new MfaThrottle(ThrottlePolicy.DEFAULT);
    final PasswordService passwords;
    final AccountService accounts;
    final AccessKeyService accessKeys;
    final UserService users;
    final MfaDeviceService mfaDevices;
    final MfaVerifier verifier;
    final SignInService signIn;

    Services(Store store, TestClock clock, SecretCipher cipher) {
        this.store = store;
        this.clock = clock;
        this.cipher = cipher;
        audit = new AuditTrail(clock, ids);
        passwords = new PasswordService(store, hasher, audit, clock);
        accounts = new AccountService(store, passwords, audit, clock, ids);
        accessKeys = new AccessKeyService(store, cipher, audit, clock, ids);
        users = new UserService(store, accessKeys, audit, clock, ids);
        mfaDevices = new MfaDeviceService(store, cipher, throttle, audit, clock, ids);
        verifier = new MfaVerifier(store, cipher, throttle, audit, clock);
        signIn = new SignInService(store, hasher, verifier, audit, clock);
    }
}
