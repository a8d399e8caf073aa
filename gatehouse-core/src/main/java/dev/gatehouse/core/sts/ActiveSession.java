package dev.gatehouse.core.sts;

import dev.gatehouse.core.account.PrincipalRef;
import dev.gatehouse.core.user.AccessKeySecret;
import java.time.Instant;
import java.util.Objects;

/**
 * Stored temporary credentials with the secret opened, to verify a SigV4 signature with. The edge
 * checks the presented session token with {@link #tokenMatches} and the expiry with
 * {@link #isExpiredAt}, so that it can answer {@code ExpiredToken} rather than an unknown key.
 */
public record ActiveSession(SessionCredentials credentials, AccessKeySecret secret) {

    public ActiveSession {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(secret, "secret");
    }

    /** Whether {@code presentedToken} is this session's token; constant-time. */
    public boolean tokenMatches(String presentedToken) {
        return credentials.tokenDigest().matches(presentedToken);
    }

    public boolean isExpiredAt(Instant now) {
        return credentials.isExpiredAt(now);
    }

    public SessionAccessKeyId accessKeyId() {
        return credentials.id();
    }

    public PrincipalRef principal() {
        return credentials.principal();
    }

    public Instant expiresAt() {
        return credentials.expiresAt();
    }

    public MfaContext mfa() {
        return credentials.mfa();
    }
}
