package dev.gatehouse.core.testing;

import dev.gatehouse.core.IdentityServices;
import dev.gatehouse.core.account.AccountService;
import dev.gatehouse.core.audit.AuditTrail;
import dev.gatehouse.core.crypto.Argon2Parameters;
import dev.gatehouse.core.crypto.KeyRing;
import dev.gatehouse.core.crypto.MasterKey;
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
import java.security.SecureRandom;
import java.time.Instant;

/**
 * The services wired by {@link IdentityServices} over one store and one test clock. Cheap
 * Argon2 parameters keep the tests fast; the hasher's own test uses OWASP's.
 */
public final class Gatehouse {

    public static final Instant START = Instant.parse("2026-11-22T12:00:00Z");
    public static final Argon2Parameters CHEAP = new Argon2Parameters(64, 1, 1);

    public final Store store;
    public final MutableClock clock = new MutableClock(START);
    public final SecretCipher cipher;
    public final PasswordHasher hasher = new PasswordHasher(CHEAP);
    public final AuditTrail audit;
    public final PasswordService passwords;
    public final AccountService accounts;
    public final AccessKeyService accessKeys;
    public final UserService users;
    public final MfaDeviceService mfaDevices;
    public final MfaVerifier verifier;
    public final SignInService signIn;
    public final SessionTokenService sessionTokens;

    public Gatehouse(Store store, SecretCipher cipher) {
        this.store = store;
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

    public Gatehouse(Store store) {
        this(store, new SecretCipher(KeyRing.of(MasterKey.generate(new SecureRandom()))));
    }

    public Gatehouse() {
        this(new InMemoryStore());
    }
}
