package dev.gatehouse.otp;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How a TOTP device computes its codes (RFC 6238): the HMAC function, the number of digits, the
 * time step and the start of step zero (T0).
 */
public record TotpParameters(HmacAlgorithm algorithm, int digits, Duration period, Instant t0) {

    /** AWS's virtual MFA devices: HMAC-SHA1, 6 digits, 30-second steps from the Unix epoch. */
    public static final TotpParameters AWS_DEFAULT =
            new TotpParameters(HmacAlgorithm.SHA1, 6, Duration.ofSeconds(30), Instant.EPOCH);

    public TotpParameters {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(t0, "t0");
        OtpCodes.checkDigits(digits);
        if (period.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("the time step must be one second or more, not " + period);
        }
        if (period.getNano() % 1_000_000 != 0) {
            throw new IllegalArgumentException("the time step must be a whole number of milliseconds");
        }
    }

    public TotpParameters(HmacAlgorithm algorithm, int digits, Duration period) {
        this(algorithm, digits, period, Instant.EPOCH);
    }

    /** The time step that contains {@code instant}; negative before T0. */
    public long stepAt(Instant instant) {
        return Math.floorDiv(instant.toEpochMilli() - t0.toEpochMilli(), period.toMillis());
    }

    /** The first instant of {@code step}. */
    public Instant stepStart(long step) {
        return t0.plusMillis(Math.multiplyExact(step, period.toMillis()));
    }

    /** How long the code of the step containing {@code instant} stays valid after it. */
    public Duration remainingValidity(Instant instant) {
        return Duration.between(instant, stepStart(stepAt(instant) + 1));
    }
}
