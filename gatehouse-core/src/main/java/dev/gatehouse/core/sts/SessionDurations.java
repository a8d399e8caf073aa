package dev.gatehouse.core.sts;

import dev.gatehouse.core.account.PrincipalRef;
import dev.gatehouse.core.error.ValidationException;
import java.time.Duration;
import java.util.Optional;

/** How long temporary credentials from GetSessionToken last, by AWS's rules. */
public final class SessionDurations {

    public static final int MINIMUM_SECONDS = 900;
    public static final int MAXIMUM_SECONDS = 129_600;
    public static final int DEFAULT_SECONDS = 43_200;
    /** AWS caps the root user's sessions at one hour, whatever was asked for. */
    public static final int ROOT_MAXIMUM_SECONDS = 3_600;

    private SessionDurations() {
    }

    /**
     * The duration for {@code caller}: the one asked for, or 12 hours by default, capped at one hour
     * for the root user (capped, not refused, as AWS does).
     *
     * @throws ValidationException if the duration asked for is outside 900–129600 seconds
     */
    public static Duration of(Optional<Integer> requestedSeconds, PrincipalRef caller) {
        int seconds = requestedSeconds.orElse(DEFAULT_SECONDS);
        if (seconds < MINIMUM_SECONDS || seconds > MAXIMUM_SECONDS) {
            throw new ValidationException("1 validation error detected: Value '" + seconds
                    + "' at 'durationSeconds' failed to satisfy constraint: Member must have value "
                    + (seconds < MINIMUM_SECONDS ? "greater than or equal to " + MINIMUM_SECONDS
                            : "less than or equal to " + MAXIMUM_SECONDS));
        }
        if (caller instanceof PrincipalRef.Root) {
            seconds = Math.min(seconds, ROOT_MAXIMUM_SECONDS);
        }
        return Duration.ofSeconds(seconds);
    }
}
