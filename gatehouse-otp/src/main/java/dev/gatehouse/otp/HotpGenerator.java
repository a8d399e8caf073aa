package dev.gatehouse.otp;

import java.security.InvalidKeyException;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;

/**
 * RFC 4226 HOTP codes. Immutable and thread-safe.
 *
 * <p>This class only computes codes. Counter resynchronisation, replay protection and rate
 * limiting (RFC 4226 §7) are the caller's job.
 */
public final class HotpGenerator {

    private final HmacAlgorithm algorithm;
    private final int digits;
    private final int modulus;
    // Mac.getInstance costs more than the HMAC itself, and Mac is not thread-safe: each thread
    // keeps one, with the buffer that the counter and the digest pass through (no allocation per code).
    private final ThreadLocal<Workspace> workspaces;

    public HotpGenerator(HmacAlgorithm algorithm, int digits) {
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        OtpCodes.checkDigits(digits);
        this.digits = digits;
        this.modulus = OtpCodes.modulus(digits);
        this.workspaces = ThreadLocal.withInitial(() -> new Workspace(algorithm.newMac()));
    }

    public HmacAlgorithm algorithm() {
        return algorithm;
    }

    public int digits() {
        return digits;
    }

    /** The code for {@code counter}, as a number; {@link OtpCodes#format} gives its text. */
    public int generateOneTimePassword(OtpSecret secret, long counter) {
        return keyedWith(secret).codeFor(counter, modulus);
    }

    /** The code for {@code counter} as exactly {@link #digits()} ASCII digits. */
    public String generateOneTimePasswordString(OtpSecret secret, long counter) {
        return OtpCodes.format(generateOneTimePassword(secret, counter), digits);
    }

    /** This thread's workspace, its Mac keyed with {@code secret}; it stays keyed across codes. */
    Workspace keyedWith(OtpSecret secret) {
        Workspace workspace = workspaces.get();
        try {
            workspace.mac.init(secret.key());
        } catch (InvalidKeyException e) {
            throw new AssertionError("HMAC accepts a raw key of any length", e);
        }
        return workspace;
    }

    int modulus() {
        return modulus;
    }

    /** One thread's Mac and scratch buffer. */
    static final class Workspace {
        private final Mac mac;
        private final byte[] buffer = new byte[64];

        private Workspace(Mac mac) {
            this.mac = mac;
        }

        /** RFC 4226 §5.3: HMAC of the 8-byte big-endian counter, dynamic truncation, modulo 10^digits. */
        int codeFor(long counter, int modulus) {
            for (int i = 7; i >= 0; i--) {
                buffer[i] = (byte) counter;
                counter >>>= 8;
            }
            mac.update(buffer, 0, 8);
            try {
                // Into the reused buffer rather than doFinal(), which allocates on every call.
                mac.doFinal(buffer, 0);
            } catch (ShortBufferException e) {
                throw new AssertionError("64 bytes hold every HMAC-SHA1/256/512 result", e);
            }
            int offset = buffer[mac.getMacLength() - 1] & 0x0f;
            int binary = ((buffer[offset] & 0x7f) << 24)
                    | ((buffer[offset + 1] & 0xff) << 16)
                    | ((buffer[offset + 2] & 0xff) << 8)
                    | (buffer[offset + 3] & 0xff);
            return binary % modulus;
        }
    }
}
