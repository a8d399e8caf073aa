package dev.gatehouse.server.sigv4;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the server knows about an access key that signs requests.
 *
 * @param principal whoever the key belongs to, handed back once a signature checks out
 * @param sessionToken for temporary credentials, the token that must accompany every request
 * @param expiresAt for temporary credentials, when they stop working
 */
public record SigningCredential<P>(String accessKeyId, String secretAccessKey, boolean active,
        Optional<SessionToken> sessionToken, Optional<Instant> expiresAt, P principal) {

    public SigningCredential {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        Objects.requireNonNull(sessionToken, "sessionToken");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** A long-term key (AKIA…) with no token and no expiry. */
    public static <P> SigningCredential<P> longTerm(String accessKeyId, String secretAccessKey, boolean active, P principal) {
        return new SigningCredential<>(accessKeyId, secretAccessKey, active, Optional.empty(), Optional.empty(), principal);
    }

    @Override
    public String toString() {
        return "SigningCredential[" + accessKeyId + ", secret=redacted, active=" + active
                + ", temporary=" + sessionToken.isPresent() + ", principal=" + principal + "]";
    }
}
