package dev.gatehouse.core.sts;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * The session token that comes with temporary credentials: a bearer secret, so it is shown once at
 * issue and only its {@link SessionTokenDigest} is stored. Redacted in {@code toString}.
 */
public final class SessionToken {

    /** 512 random bits: far beyond guessing, and a token as long as the SDKs expect (86 characters). */
    static final int RANDOM_BYTES = 64;

    private final String value;

    private SessionToken(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    public static SessionToken generate(SecureRandom random) {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return new SessionToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** The token itself, to hand to the caller once. */
    public String reveal() {
        return value;
    }

    public SessionTokenDigest digest() {
        return SessionTokenDigest.of(value);
    }

    @Override
    public String toString() {
        return "SessionToken[redacted]";
    }
}
