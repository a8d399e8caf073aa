package dev.gatehouse.core.crypto;

import dev.gatehouse.core.error.ValidationException;
import java.nio.charset.StandardCharsets;

/**
 * A plaintext password on its way to be checked or hashed. Never stored; redacted in
 * {@code toString} so that it cannot end up in a log by accident.
 */
public final class Password {

    /** AWS's limit for console passwords. */
    public static final int MAXIMUM_LENGTH = 128;

    private final String text;

    private Password(String text) {
        this.text = text;
    }

    /**
     * @throws ValidationException if {@code text} is missing, empty or longer than 128 characters
     */
    public static Password of(String text) {
        if (text == null || text.isEmpty()) {
            throw new ValidationException("Password is required");
        }
        if (text.length() > MAXIMUM_LENGTH) {
            throw new ValidationException("Password must be at most " + MAXIMUM_LENGTH + " characters long");
        }
        return new Password(text);
    }

    /** The characters, for the password policy's checks. */
    public String reveal() {
        return text;
    }

    /** UTF-8, the charset the hash is computed over whatever the platform default. */
    byte[] utf8() {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public int length() {
        return text.length();
    }

    @Override
    public String toString() {
        return "Password[redacted]";
    }
}
