package dev.gatehouse.core.sts;

import dev.gatehouse.core.internal.Validation;
import java.util.Optional;
import java.util.regex.Pattern;

/** The access key ID of temporary credentials: {@code ASIA} and 16 upper-case letters and digits, as STS issues. */
public record SessionAccessKeyId(String value) {

    /** What every temporary access key ID starts with, and no long-term one does. */
    public static final String PREFIX = "ASIA";

    private static final Pattern PATTERN = Pattern.compile("ASIA[A-Z0-9]{16}");

    public SessionAccessKeyId {
        Validation.matching(value, "AccessKeyId", 20, 20, PATTERN);
    }

    public static SessionAccessKeyId of(String value) {
        return new SessionAccessKeyId(value);
    }

    /** The ID if {@code value} has the form of one, else empty: for IDs that arrive from outside. */
    public static Optional<SessionAccessKeyId> parse(String value) {
        return value != null && PATTERN.matcher(value).matches() ? Optional.of(new SessionAccessKeyId(value))
                : Optional.empty();
    }

    /** Whether {@code accessKeyId} names temporary credentials, judged by its prefix alone. */
    public static boolean isSessionKey(String accessKeyId) {
        return accessKeyId != null && accessKeyId.startsWith(PREFIX);
    }

    /** The identity bound into its sealed secret, so the ciphertext opens in this row only. */
    public String rowIdentity() {
        return "session-credential:" + value;
    }

    @Override
    public String toString() {
        return value;
    }
}
