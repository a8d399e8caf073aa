package dev.gatehouse.core.console;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a console session lives: it ends after {@code idle} without a request, and
 * {@code absolute} after sign-in whatever happens (OWASP ASVS V3.3).
 */
public record ConsoleSessionLimits(Duration idle, Duration absolute) {

    public static final ConsoleSessionLimits DEFAULT = new ConsoleSessionLimits(Duration.ofMinutes(15), Duration.ofHours(12));

    public ConsoleSessionLimits {
        Objects.requireNonNull(idle, "idle");
        Objects.requireNonNull(absolute, "absolute");
        if (idle.isNegative() || idle.isZero() || absolute.compareTo(idle) < 0) {
            throw new IllegalArgumentException("the idle timeout must be positive and no longer than the absolute one, not "
                    + idle + " and " + absolute);
        }
    }
}
