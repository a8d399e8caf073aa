package dev.gatehouse.core.user;

import dev.gatehouse.core.internal.Validation;
import java.util.regex.Pattern;

/** An IAM user's unique ID: {@code AIDA} and 16 or 17 upper-case letters and digits. */
public record UserId(String value) {

    private static final Pattern PATTERN = Pattern.compile("AIDA[A-Z0-9]{16,17}");

    public UserId {
        Validation.matching(value, "UserId", 20, 21, PATTERN);
    }

    @Override
    public String toString() {
        return value;
    }
}
