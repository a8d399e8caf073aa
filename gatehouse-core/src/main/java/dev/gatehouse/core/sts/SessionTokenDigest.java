package dev.gatehouse.core.sts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The SHA-256 digest of a session token, in lower-case hex: what the store keeps instead of the
 * token. A plain hash is enough: the token has 512 random bits, so there is nothing to brute-force
 * and no need for a slow, salted hash.
 */
public record SessionTokenDigest(String hex) {

    private static final Pattern SHA_256_HEX = Pattern.compile("[0-9a-f]{64}");

    public SessionTokenDigest {
        Objects.requireNonNull(hex, "hex");
        if (!SHA_256_HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("a session token digest is 64 lower-case hex digits");
        }
    }

    public static SessionTokenDigest of(String token) {
        return new SessionTokenDigest(HexFormat.of().formatHex(sha256(token)));
    }

    /**
     * Whether {@code presentedToken} is the token this is the digest of. Digests are compared in
     * constant time, so the time taken says nothing about how much of a guess was right.
     */
    public boolean matches(String presentedToken) {
        if (presentedToken == null) {
            return false;
        }
        return MessageDigest.isEqual(HexFormat.of().parseHex(hex), sha256(presentedToken));
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("SHA-256 is available on every Java platform", e);
        }
    }
}
