package dev.gatehouse.core.sts;

import dev.gatehouse.core.account.PrincipalRef;
import dev.gatehouse.core.crypto.SealedSecret;
import dev.gatehouse.core.user.AccessKeyId;
import java.time.Instant;
import java.util.Objects;

/**
 * Temporary credentials as stored: the secret sealed, the session token only as its digest.
 *
 * @param sourceAccessKeyId the long-term key the caller signed GetSessionToken with
 */
public record SessionCredentials(SessionAccessKeyId id, PrincipalRef principal, AccessKeyId sourceAccessKeyId,
        Instant createdAt, Instant expiresAt, SealedSecret sealedSecret, SessionTokenDigest tokenDigest,
        MfaContext mfa) {

    public SessionCredentials {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(sourceAccessKeyId, "sourceAccessKeyId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(sealedSecret, "sealedSecret");
        Objects.requireNonNull(tokenDigest, "tokenDigest");
        Objects.requireNonNull(mfa, "mfa");
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("temporary credentials expire after they are created");
        }
    }

    /** Expired at {@code now}: the instant of expiry itself is already too late. */
    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public SessionCredentials withSealedSecret(SealedSecret resealed) {
        return new SessionCredentials(id, principal, sourceAccessKeyId, createdAt, expiresAt, resealed, tokenDigest, mfa);
    }
}
