package dev.gatehouse.core.user;

import dev.gatehouse.core.account.PrincipalRef;
import dev.gatehouse.core.crypto.PasswordHash;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A principal's console password: the root user always has one, an IAM user when given one.
 *
 * @param lastUsedAt {@code null} until the first successful sign-in
 */
public record LoginProfile(PrincipalRef principal, PasswordHash passwordHash, boolean resetRequired,
        Instant createdAt, Instant changedAt, Instant lastUsedAt) {

    public LoginProfile {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(changedAt, "changedAt");
    }

    public Optional<Instant> lastUsed() {
        return Optional.ofNullable(lastUsedAt);
    }

    /**
     * Whether {@code current}, the principal's profile as a unit of work reads it, still has the password
     * hashed as {@code hash}: neither changed nor removed since that hash was read or set.
     */
    public static boolean stillHas(Optional<LoginProfile> current, PasswordHash hash) {
        return current.map(LoginProfile::passwordHash).filter(hash::equals).isPresent();
    }
}
