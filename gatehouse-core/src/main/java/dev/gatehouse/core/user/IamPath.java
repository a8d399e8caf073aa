package dev.gatehouse.core.user;

import dev.gatehouse.core.internal.Validation;
import java.util.regex.Pattern;

/** An IAM path: {@code /} or {@code /division/team/}, 1–512 printable ASCII characters. */
public record IamPath(String value) {

    private static final Pattern PATTERN = Pattern.compile("/|/[\\u0021-\\u007E]+/");

    public static final IamPath ROOT = new IamPath("/");

    public IamPath {
        Validation.matching(value, "Path", 1, 512, PATTERN);
    }

    /** The path, or {@code /} when {@code value} is null as the API's default. */
    public static IamPath ofNullable(String value) {
        return value == null ? ROOT : new IamPath(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
