package dev.gatehouse.core.user;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/** The 40-character secret of an access key. Redacted in {@code toString}; compared in constant time. */
public final class AccessKeySecret {

    private final String value;

    public AccessKeySecret(String value) {
        this.value = Objects.requireNonNull(value, "value");
        if (value.length() != 40) {
            throw new IllegalArgumentException("a secret access key has 40 characters");
        }
    }

    /** The secret itself, to show once at creation or to compute a SigV4 signature. */
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AccessKeySecret that && MessageDigest.isEqual(
                value.getBytes(StandardCharsets.US_ASCII), that.value.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public int hashCode() {
        return 40;
    }

    @Override
    public String toString() {
        return "AccessKeySecret[redacted]";
    }
}
