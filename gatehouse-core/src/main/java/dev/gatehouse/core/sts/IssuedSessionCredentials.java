package dev.gatehouse.core.sts;

import dev.gatehouse.core.user.AccessKeySecret;
import java.time.Instant;
import java.util.Objects;

/**
 * What GetSessionToken returns, once: the secret and the session token are never available again.
 * Redacted in {@code toString}.
 */
public record IssuedSessionCredentials(SessionAccessKeyId accessKeyId, AccessKeySecret secretAccessKey,
        SessionToken sessionToken, Instant expiration, MfaContext mfa) {

    public IssuedSessionCredentials {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        Objects.requireNonNull(sessionToken, "sessionToken");
        Objects.requireNonNull(expiration, "expiration");
        Objects.requireNonNull(mfa, "mfa");
    }

    @Override
    public String toString() {
        return "IssuedSessionCredentials[accessKeyId=" + accessKeyId + ", secretAccessKey=redacted,"
                + " sessionToken=redacted, expiration=" + expiration + ", mfa=" + mfa.present() + "]";
    }
}
