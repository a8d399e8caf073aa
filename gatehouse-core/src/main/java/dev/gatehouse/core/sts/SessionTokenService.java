package dev.gatehouse.core.sts;

import dev.gatehouse.core.account.PrincipalRef;
import dev.gatehouse.core.audit.AuditAction;
import dev.gatehouse.core.audit.AuditOutcome;
import dev.gatehouse.core.audit.AuditTrail;
import dev.gatehouse.core.audit.Origin;
import dev.gatehouse.core.crypto.SecretCipher;
import dev.gatehouse.core.error.AccessDeniedException;
import dev.gatehouse.core.error.ValidationException;
import dev.gatehouse.core.internal.Lookups;
import dev.gatehouse.core.internal.RandomIds;
import dev.gatehouse.core.mfa.MfaVerifier;
import dev.gatehouse.core.mfa.SerialNumber;
import dev.gatehouse.core.store.Store;
import dev.gatehouse.core.store.StoreSession;
import dev.gatehouse.core.user.AccessKeyId;
import dev.gatehouse.core.user.AccessKeySecret;
import dev.gatehouse.core.user.AccessKeyStatus;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * STS GetSessionToken: temporary credentials for a principal signed in with a long-term access key,
 * carrying whether an MFA code was verified and when. Thread-safe.
 *
 * <p>Out of scope here, for the edge: SigV4, the API model's constraints on the request, and
 * refusing a request whose temporary credentials have expired ({@link ActiveSession#isExpiredAt}).
 */
public final class SessionTokenService {

    /** AWS's message for any MFA failure on STS: wrong, replayed, throttled or an unknown device alike. */
    public static final String MFA_FAILED = "MultiFactorAuthentication failed with invalid MFA one time pass code.";
    public static final String CALLED_WITH_SESSION_CREDENTIALS = "Cannot call GetSessionToken with session credentials";
    /**
     * How long expired credentials are kept before the clean-up deletes them: long enough that a
     * late request still gets {@code ExpiredToken} rather than an unknown key.
     */
    public static final Duration KEPT_AFTER_EXPIRY = Duration.ofDays(1);

    private final Store store;
    private final SecretCipher cipher;
    private final MfaVerifier verifier;
    private final AuditTrail audit;
    private final Clock clock;
    private final RandomIds ids;
    private final SecureRandom random;

    public SessionTokenService(Store store, SecretCipher cipher, MfaVerifier verifier, AuditTrail audit, Clock clock,
            RandomIds ids, SecureRandom random) {
        this.store = Objects.requireNonNull(store, "store");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * GetSessionToken for {@code caller}, who signed the request with {@code sourceAccessKeyId}.
     *
     * @throws AccessDeniedException if the caller signed with temporary credentials, the source key
     *     is not an active key of the caller, or the MFA code is not accepted
     * @throws ValidationException if the duration is out of range, or only one of serial and code is given
     * @throws dev.gatehouse.core.error.NoSuchEntityException if the caller does not exist
     */
    public IssuedSessionCredentials issue(PrincipalRef caller, String sourceAccessKeyId,
            Optional<Integer> durationSeconds, Optional<SerialNumber> serial, Optional<String> tokenCode,
            Origin origin) {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(origin, "origin");
        // Everything that needs no store comes first, so a malformed request never spends an MFA code.
        if (SessionAccessKeyId.isSessionKey(sourceAccessKeyId)) {
            throw new AccessDeniedException(CALLED_WITH_SESSION_CREDENTIALS);
        }
        AccessKeyId sourceKey = AccessKeyId.of(sourceAccessKeyId);
        Duration duration = SessionDurations.of(durationSeconds, caller);
        if (serial.isPresent() != tokenCode.isPresent()) {
            throw new ValidationException("SerialNumber and TokenCode must be given together: "
                    + (serial.isPresent() ? "TokenCode" : "SerialNumber") + " is missing");
        }
        store.read(session -> {
            requireActiveKeyOf(session, caller, sourceKey);
            return null;
        });
        MfaContext mfa = serial.isPresent() ? verifyMfa(caller, serial.get(), tokenCode.get(), origin)
                : MfaContext.NONE;
        return store.inTransaction(session -> create(session, caller, sourceKey, duration, mfa, origin));
    }

    /**
     * The stored temporary credentials named {@code accessKeyId}, with the secret opened, expired or
     * not; empty if there are none (or the ID is not a temporary one).
     */
    public Optional<ActiveSession> find(String accessKeyId) {
        return SessionAccessKeyId.parse(accessKeyId).flatMap(id -> store.read(session ->
                session.sessionCredentials().find(id).map(credentials -> new ActiveSession(credentials,
                        new AccessKeySecret(new String(cipher.open(credentials.sealedSecret(), id.rowIdentity()),
                                StandardCharsets.US_ASCII))))));
    }

    /**
     * The verifier commits its outcome, audit event and failure count in its own unit of work: a
     * code once accepted stays used even if issuing fails after it, and a failure is counted even
     * though this request fails.
     */
    private MfaContext verifyMfa(PrincipalRef caller, SerialNumber serial, String tokenCode, Origin origin) {
        if (!verifier.verify(caller, serial, tokenCode, origin).accepted()) {
            throw new AccessDeniedException(MFA_FAILED);
        }
        return MfaContext.verified(serial, now());
    }

    private IssuedSessionCredentials create(StoreSession session, PrincipalRef caller, AccessKeyId sourceKey,
            Duration duration, MfaContext mfa, Origin origin) {
        Instant now = now();
        // Opportunistic clean-up: every issue sweeps what expired long ago, so the table stays small
        // without a scheduler.
        session.sessionCredentials().deleteExpiredBefore(now.minus(KEPT_AFTER_EXPIRY));
        SessionAccessKeyId id = new SessionAccessKeyId(ids.sessionAccessKeyId());
        AccessKeySecret secret = new AccessKeySecret(ids.secretAccessKey());
        SessionToken token = SessionToken.generate(random);
        Instant expiresAt = now.plus(duration);
        session.sessionCredentials().insert(new SessionCredentials(id, caller, sourceKey, now, expiresAt,
                cipher.seal(secret.reveal().getBytes(StandardCharsets.US_ASCII), id.rowIdentity()), token.digest(),
                mfa));
        audit.record(session, caller.accountId(), Lookups.arn(session, caller), AuditAction.SESSION_TOKEN_ISSUED,
                AuditOutcome.SUCCESS, origin, mfa.present(), id + " from " + sourceKey + " until " + expiresAt
                        + mfa.serialNumber().map(serial -> " with MFA " + serial).orElse(" without MFA"));
        return new IssuedSessionCredentials(id, secret, token, expiresAt, mfa);
    }

    private static void requireActiveKeyOf(StoreSession session, PrincipalRef caller, AccessKeyId sourceKey) {
        Lookups.requirePrincipal(session, caller);
        boolean active = session.accessKeys().find(sourceKey)
                .filter(key -> key.principal().equals(caller) && key.status() == AccessKeyStatus.ACTIVE)
                .isPresent();
        if (!active) {
            throw new AccessDeniedException("The access key " + sourceKey + " is not an active key of the caller.");
        }
    }

    // Milliseconds: what the store keeps, so what is returned equals what is read back.
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
