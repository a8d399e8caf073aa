package dev.gatehouse.core.internal;

import dev.gatehouse.core.error.ValidationException;
import java.util.regex.Pattern;

/** Checks of the API model's constraints, failing with {@link ValidationException} as AWS does. */
public final class Validation {

    private Validation() {
    }

    public static String require(String value, String field) {
        if (value == null) {
            throw new ValidationException(field + " is required");
        }
        return value;
    }

    public static String matching(String value, String field, int minimumLength, int maximumLength,
            Pattern pattern) {
        require(value, field);
        if (value.length() < minimumLength || value.length() > maximumLength) {
            throw new ValidationException(field + " must be " + minimumLength + " to " + maximumLength
                    + " characters long");
        }
        if (!pattern.matcher(value).matches()) {
            throw new ValidationException(field + " must satisfy the pattern " + pattern.pattern());
        }
        return value;
    }
}
