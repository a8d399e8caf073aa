package dev.gatehouse.core.crypto;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * A 256-bit AES key that encrypts secrets at rest. Its ID is derived from the key (a truncated
 * SHA-256), so the same key always has the same ID wherever it is loaded from, and an ID stored
 * with a ciphertext names the key needed without revealing it.
 */
public final class MasterKey {

    public static final int LENGTH = 32;

    private final String id;
    private final SecretKeySpec key;

    private MasterKey(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a master key has " + LENGTH + " bytes, not " + bytes.length);
        }
        this.key = new SecretKeySpec(bytes, "AES");
        this.id = "k" + HexFormat.of().formatHex(sha256(bytes), 0, 8);
    }

    public static MasterKey of(byte[] bytes) {
        return new MasterKey(bytes.clone());
    }

    public static MasterKey generate(SecureRandom random) {
        byte[] bytes = new byte[LENGTH];
        random.nextBytes(bytes);
        return new MasterKey(bytes);
    }

    public String id() {
        return id;
    }

    /**
     * An HMAC-SHA256 key for one {@code purpose}, derived from this key (HKDF-Expand's first block,
     * RFC 5869): every node with the same master key derives the same key, and no derived key
     * reveals the master key or another purpose's key.
     */
    public SecretKey deriveHmacKey(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            mac.update(("gatehouse/" + purpose).getBytes(StandardCharsets.UTF_8));
            return new SecretKeySpec(mac.doFinal(new byte[] {1}), "HmacSHA256");
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new AssertionError("HmacSHA256 is available on every Java platform", e);
        }
    }

    SecretKey secretKey() {
        return key;
    }

    /** The raw bytes, for writing the key file. */
    byte[] bytes() {
        return key.getEncoded();
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("Every Java platform provides SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "MasterKey[" + id + ", redacted]";
    }
}
