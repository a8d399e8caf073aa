package dev.gatehouse.otp;

import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.spec.SecretKeySpec;

/**
 * The shared secret of an HOTP or TOTP device. Immutable; its {@code toString} never shows the
 * bytes, so a secret that ends up in a log or an exception message reveals only its length.
 */
public final class OtpSecret {

    /** AWS returns a 64-character Base32 seed: 40 bytes. */
    public static final int DEFAULT_LENGTH = 40;

    /** NIST SP 800-63B asks for at least 112 bits; RFC 4226 for at least 128. We generate no fewer. */
    public static final int MINIMUM_GENERATED_LENGTH = 16;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] bytes;
    // Built once: Mac.init accepts any RAW key whatever its algorithm name.
    private final SecretKeySpec key;

    private OtpSecret(byte[] bytes) {
        if (bytes.length == 0) {
            throw new IllegalArgumentException("an OTP secret cannot be empty");
        }
        this.bytes = bytes;
        this.key = new SecretKeySpec(bytes, "RAW");
    }

    /** A copy of {@code bytes} as a secret. */
    public static OtpSecret of(byte[] bytes) {
        return new OtpSecret(bytes.clone());
    }

    /**
     * Decodes a Base32 secret as authenticator apps accept it (any case, spaces, padding optional).
     *
     * @throws IllegalArgumentException if the text is not Base32 or decodes to nothing
     */
    public static OtpSecret fromBase32(CharSequence base32) {
        return new OtpSecret(Base32.decode(base32));
    }

    /** A new random secret of AWS's length, 40 bytes. */
    public static OtpSecret generate() {
        return generate(RANDOM, DEFAULT_LENGTH);
    }

    /**
     * A new random secret of {@code length} bytes from {@code random}.
     *
     * @throws IllegalArgumentException if {@code length} is below {@value #MINIMUM_GENERATED_LENGTH}
     */
    public static OtpSecret generate(SecureRandom random, int length) {
        if (length < MINIMUM_GENERATED_LENGTH) {
            throw new IllegalArgumentException("a generated secret must have at least "
                    + MINIMUM_GENERATED_LENGTH + " bytes, not " + length);
        }
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return new OtpSecret(bytes);
    }

    /** A copy of the secret's bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    public int length() {
        return bytes.length;
    }

    /** The secret as unpadded upper-case Base32, the form key URIs and AWS's seeds use. */
    public String toBase32() {
        return Base32.encodeUnpadded(bytes);
    }

    SecretKeySpec key() {
        return key;
    }

    @Override
    public boolean equals(Object other) {
        // Constant time, so that comparing secrets leaks nothing about where they differ.
        return other instanceof OtpSecret that && MessageDigest.isEqual(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        // Only the length: a hash of the bytes would be a fingerprint of the secret.
        return bytes.length;
    }

    @Override
    public String toString() {
        return "OtpSecret[redacted, " + bytes.length + " bytes]";
    }
}
