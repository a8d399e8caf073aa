package dev.gatehouse.core.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The bearer secret in a console session's cookie: 256 random bits, base64url. Only its
 * {@link #digest()} is stored, so a copy of the database signs nobody in. Redacted in {@code toString}.
 */
public final class ConsoleSessionId {

    static final int RANDOM_BYTES = 32;
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final String value;

    private ConsoleSessionId(String value) {
        this.value = value;
    }

    public static ConsoleSessionId generate(SecureRandom random) {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return new ConsoleSessionId(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** The ID a cookie carries, or empty when it cannot be one (missing, truncated, tampered with). */
    public static Optional<ConsoleSessionId> parse(String cookieValue) {
        return cookieValue != null && FORM.matcher(cookieValue).matches()
                ? Optional.of(new ConsoleSessionId(cookieValue)) : Optional.empty();
    }

    /** The value for the cookie. */
    public String reveal() {
        return value;
    }

    /**
     * The SHA-256 of the ID in lower-case hex, the store's key. A plain hash is enough: 256 random
     * bits leave nothing to brute-force. Looked up by equality in the database, which is no timing
     * oracle here: knowing how much of a digest matched says nothing about an ID's preimage.
     */
    public String digest() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("SHA-256 is available on every Java platform", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConsoleSessionId id && MessageDigest.isEqual(
                value.getBytes(StandardCharsets.US_ASCII), id.value.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return "ConsoleSessionId[redacted]";
    }
}
