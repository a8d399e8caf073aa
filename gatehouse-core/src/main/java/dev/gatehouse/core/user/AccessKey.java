package dev.gatehouse.core.user;

import dev.gatehouse.core.account.PrincipalRef;
import dev.gatehouse.core.crypto.SealedSecret;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A long-term access key as stored: its secret sealed, never in plaintext.
 *
 * @param lastUsedAt {@code null} until first used; so are the region and service
 */
public record AccessKey(AccessKeyId id, PrincipalRef principal, AccessKeyStatus status, Instant createdAt,
        SealedSecret sealedSecret, Instant lastUsedAt, String lastUsedRegion, String lastUsedService) {

    /** AWS's quota of access keys per user. */
    public static final int MAXIMUM_PER_PRINCIPAL = 2;

    public AccessKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(sealedSecret, "sealedSecret");
    }

    public Optional<Instant> lastUsed() {
        return Optional.ofNullable(lastUsedAt);
    }

    public AccessKey withSealedSecret(SealedSecret resealed) {
        return new AccessKey(id, principal, status, createdAt, resealed, lastUsedAt, lastUsedRegion, lastUsedService);
    }
}
