package dev.gatehouse.core.throttle;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How consecutive failures (MFA codes per device and per principal, passwords per principal, each
 * counted apart) slow a guesser down: from failure
 * {@code delayFromFailure} on, the next attempt must wait a delay that doubles with each failure;
 * at {@code lockAfterFailures} the device or principal is locked for {@code lockDuration}, and again
 * at each failure after that. A success resets the count.
 *
 * <p>The default locks at 10 failures for 15 minutes, so a guesser gets at most about 40 codes an
 * hour, far below NIST SP 800-63B's ceiling of 100 consecutive failures.
 */
public record ThrottlePolicy(int delayFromFailure, Duration firstDelay, int lockAfterFailures, Duration lockDuration) {

    public static final ThrottlePolicy DEFAULT = new ThrottlePolicy(3, Duration.ofSeconds(1), 10, Duration.ofMinutes(15));

    public ThrottlePolicy {
        Objects.requireNonNull(firstDelay, "firstDelay");
        Objects.requireNonNull(lockDuration, "lockDuration");
        if (delayFromFailure < 1 || lockAfterFailures < delayFromFailure || lockAfterFailures >= 100) {
            throw new IllegalArgumentException("need 1 <= delayFromFailure <= lockAfterFailures < 100");
        }
    }

    /** Until when attempts are refused after the {@code failures}-th consecutive failure at {@code at}. */
    public Instant blockedUntil(int failures, Instant at) {
        if (failures >= lockAfterFailures) {
            return at.plus(lockDuration);
        }
        if (failures < delayFromFailure) {
            return at;
        }
        // Doubling per failure; the lock comes long before the shift could overflow.
        Duration delay = firstDelay.multipliedBy(1L << (failures - delayFromFailure));
        return at.plus(delay.compareTo(lockDuration) < 0 ? delay : lockDuration);
    }
}
