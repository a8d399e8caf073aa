package dev.gatehouse.store.jdbc;

import dev.gatehouse.core.testing.MutableClock;
import dev.gatehouse.core.IdentityServices;
import dev.gatehouse.core.account.AccountService;
import dev.gatehouse.core.audit.AuditTrail;
import dev.gatehouse.core.crypto.Argon2Parameters;
import dev.gatehouse.core.crypto.PasswordHasher;
import dev.gatehouse.core.crypto.SecretCipher;
import dev.gatehouse.core.mfa.MfaDeviceService;
import dev.gatehouse.core.mfa.MfaVerifier;
import dev.gatehouse.core.throttle.ThrottlePolicy;
import dev.gatehouse.core.signin.SignInService;
import dev.gatehouse.core.store.Store;
import dev.gatehouse.core.sts.SessionTokenService;
import dev.gatehouse.core.user.AccessKeyService;
import dev.gatehouse.core.user.PasswordService;
import dev.gatehouse.core.user.UserService;

/** The domain services over one store, wired by {@link IdentityServices}; cheap Argon2 keeps tests quick. */
final class Services {

    final Store store;
    final MutableClock clock;
    final SecretCipher cipher;
    final PasswordHasher hasher = new PasswordHasher(new Argon2Parameters(64, 1, 1));
    final AuditTrail audit;
    final PasswordService passwords;
    final AccountService accounts;
    final AccessKeyService accessKeys;
    final UserService users;
    final MfaDeviceService mfaDevices;
    final MfaVerifier verifier;
    final SignInService signIn;
    final SessionTokenService sessionTokens;

    Services(Store store, MutableClock clock, SecretCipher cipher) {
        this.store = store;
        this.clock = clock;
        this.cipher = cipher;
        IdentityServices services = IdentityServices.create(store, cipher, hasher, ThrottlePolicy.DEFAULT, clock);
        audit = services.audit();
        passwords = services.passwords();
        accounts = services.accounts();
        accessKeys = services.accessKeys();
        users = services.users();
        mfaDevices = services.mfaDevices();
        verifier = services.mfaVerifier();
        signIn = services.signIn();
        sessionTokens = services.sessionTokens();
    }
}
