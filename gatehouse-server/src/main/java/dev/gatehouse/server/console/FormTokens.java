package dev.gatehouse.server.console;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.SecretKey;

/**
 * CSRF tokens for the forms shown before there is a session (sign-in, sign-up): a signed double
 * submit. The browser holds a random value in a cookie; the form carries its HMAC under a key
 * derived from the master key. A forged form cannot carry a valid token, and even an attacker who
 * can plant a cookie cannot make the matching token without the key; so login CSRF (signing the
 * victim in as the attacker) fails too. Every node derives the same key, so any node checks.
 */
final class FormTokens {

    private static final int RANDOM_BYTES = 32;
    private static final Pattern COOKIE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final SecretKey key;
    private final SecureRandom random;

    FormTokens(SecretKey key, SecureRandom random) {
        this.key = key;
        this.random = random;
    }

    /** A fresh value for the cookie. */
    String newCookieValue() {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The cookie value if it has the form of one this console set. */
    static Optional<String> validCookie(String cookieValue) {
        return cookieValue != null && COOKIE.matcher(cookieValue).matches() ? Optional.of(cookieValue) : Optional.empty();
    }

    String tokenFor(String cookieValue) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    mac.doFinal(cookieValue.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new AssertionError("HmacSHA256 is available on every Java platform", e);
        }
    }

    /** Whether {@code token} was made for {@code cookieValue}; in constant time. */
    boolean matches(String cookieValue, String token) {
        Optional<String> cookie = validCookie(cookieValue);
        return cookie.isPresent() && token != null && MessageDigest.isEqual(
                tokenFor(cookie.get()).getBytes(StandardCharsets.US_ASCII), token.getBytes(StandardCharsets.US_ASCII));
    }
}
