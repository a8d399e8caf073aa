package dev.gatehouse.core.user;

import dev.gatehouse.core.internal.Validation;
import java.util.regex.Pattern;

/** A long-term access key ID: {@code AKIA} and 16 upper-case letters and digits. */
public record AccessKeyId(String value) {

    private static final Pattern PATTERN = Pattern.compile("AKIA[A-Z0-9]{16}");

    public AccessKeyId {
        Validation.matching(value, "AccessKeyId", 20, 20, PATTERN);
    }

    public static AccessKeyId of(String value) {
        return new AccessKeyId(value);
    }

    /** The identity bound into its sealed secret, so the ciphertext opens in this row only. */
    public String rowIdentity() {
        return "access-key:" + value;
    }

    @Override
    public String toString() {
        return value;
    }
}
