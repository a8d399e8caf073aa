package dev.gatehouse.core.sts;

import dev.gatehouse.core.mfa.SerialNumber;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether temporary credentials were issued with a verified MFA code, with which device and when:
 * what {@code aws:MultiFactorAuthPresent} and {@code aws:MultiFactorAuthAge} are computed from.
 *
 * @param serial {@code null} when no MFA was used; then so is {@code authenticatedAt}
 * @param authenticatedAt when the code was accepted
 */
public record MfaContext(SerialNumber serial, Instant authenticatedAt) {

    public static final MfaContext NONE = new MfaContext(null, null);

    public MfaContext {
        if ((serial == null) != (authenticatedAt == null)) {
            throw new IllegalArgumentException("an MFA context has both a serial and a time, or neither");
        }
    }

    public static MfaContext verified(SerialNumber serial, Instant authenticatedAt) {
        return new MfaContext(Objects.requireNonNull(serial, "serial"),
                Objects.requireNonNull(authenticatedAt, "authenticatedAt"));
    }

    /** {@code aws:MultiFactorAuthPresent}. */
    public boolean present() {
        return serial != null;
    }

    public Optional<SerialNumber> serialNumber() {
        return Optional.ofNullable(serial);
    }

    /** {@code aws:MultiFactorAuthAge} at {@code now}; empty without MFA, as AWS leaves the key out then. */
    public Optional<Duration> age(Instant now) {
        return present() ? Optional.of(Duration.between(authenticatedAt, now)) : Optional.empty();
    }
}
