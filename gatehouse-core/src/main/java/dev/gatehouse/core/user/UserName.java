package dev.gatehouse.core.user;

import dev.gatehouse.core.internal.Validation;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An IAM user name, 1–64 characters of {@code [\w+=,.@-]}. Kept as given; unique within an account
 * regardless of case, as AWS has it, through {@link #normalized()}.
 */
public record UserName(String value) {

    private static final Pattern PATTERN = Pattern.compile("[\\w+=,.@-]+");

    public UserName {
        Validation.matching(value, "UserName", 1, 64, PATTERN);
    }

    public static UserName of(String value) {
        return new UserName(value);
    }

    public String normalized() {
        return value.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }
}
