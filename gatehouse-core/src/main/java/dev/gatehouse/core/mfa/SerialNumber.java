package dev.gatehouse.core.mfa;

import dev.gatehouse.core.internal.Validation;
import java.util.regex.Pattern;

/**
 * An MFA device's serial number as the API names it: the ARN of a virtual device or a hardware
 * token's vendor serial; 9–256 characters of {@code [\w+=/:,.@-]}.
 */
public record SerialNumber(String value) implements Comparable<SerialNumber> {

    private static final Pattern PATTERN = Pattern.compile("[\\w+=/:,.@-]+");

    public SerialNumber {
        Validation.matching(value, "SerialNumber", 9, 256, PATTERN);
    }

    public static SerialNumber of(String value) {
        return new SerialNumber(value);
    }

    @Override
    public int compareTo(SerialNumber other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
