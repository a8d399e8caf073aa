package dev.gatehouse.otp;

import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import javax.crypto.Mac;

/** The HMAC functions RFC 6238 allows, with the names key URIs and the JCA use for them. */
public enum HmacAlgorithm {
    SHA1("HmacSHA1"),
    SHA256("HmacSHA256"),
    SHA512("HmacSHA512");

    private final String jcaName;

    HmacAlgorithm(String jcaName) {
        this.jcaName = jcaName;
    }

    /** The name used in the {@code algorithm} parameter of an otpauth:// URI. */
    public String uriName() {
        return name();
    }

    /**
     * Parses a key URI's algorithm name, ignoring case as authenticator apps do.
     *
     * @throws IllegalArgumentException naming the unknown algorithm
     */
    public static HmacAlgorithm fromUriName(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        for (HmacAlgorithm algorithm : values()) {
            if (algorithm.name().equals(upper)) {
                return algorithm;
            }
        }
        throw new IllegalArgumentException(
                "unknown algorithm '" + name + "' (expected SHA1, SHA256 or SHA512)");
    }

    Mac newMac() {
        try {
            return Mac.getInstance(jcaName);
        } catch (NoSuchAlgorithmException e) {
            // Every Java SE platform must provide HmacSHA1 and HmacSHA256; HmacSHA512 ships with every JDK.
            throw new AssertionError("The JDK has no " + jcaName, e);
        }
    }
}
