package dev.gatehouse.otp;

import java.security.InvalidKeyException;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;

/**
 * RFC 4226 HOTP codes. Immutable and thread-safe: each thread reuses its own {@link Mac}, because
 * {@code Mac.getInstance} costs more than the HMAC itself.
 *
 * <p>This class only computes codes. Counter resynchronisation, replay protection and rate
 * limiting (RFC 4226 §7) are the caller's job.
 */
public final class HotpGenerator {

    private final HmacAlgorithm algorithm;
    private final int digits;
    private final ThreadLocal<Mac> macs;
    private final ThreadLocal<byte[]> buffers;

    public HotpGenerator(HmacAlgorithm algorithm, int digits) {
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        OtpCodes.checkDigits(digits);
        this.digits = digits;
        this.macs = ThreadLocal.withInitial(algorithm::newMac);
        this.buffers = ThreadLocal.withInitial(() -> new byte[64]);
    }

    public HmacAlgorithm algorithm() {
        return algorithm;
    }

    public int digits() {
        return digits;
    }

    /** The code for {@code counter}, as a number; {@link OtpCodes#format} gives its text. */
    public int generateOneTimePassword(OtpSecret secret, long counter) {
        Mac mac = initialisedMac(secret);
        return codeFor(mac, counter);
    }

    /** The code for {@code counter} as exactly {@link #digits()} ASCII digits. */
    public String generateOneTimePasswordString(OtpSecret secret, long counter) {
        return OtpCodes.format(generateOneTimePassword(secret, counter), digits);
    }

    /** This thread's Mac, keyed with {@code secret}; after each doFinal it stays keyed. */
    Mac initialisedMac(OtpSecret secret) {
        Mac mac = macs.get();
        try {
            mac.init(secret.key());
        } catch (InvalidKeyException e) {
            throw new AssertionError("HMAC accepts a raw key of any length", e);
        }
        return mac;
    }

    /** RFC 4226 §5.3: HMAC of the 8-byte big-endian counter, dynamic truncation, modulo 10^digits. */
    int codeFor(Mac mac, long counter) {
        byte[] buffer = buffers.get();
        for (int i = 7; i >= 0; i--) {
            buffer[i] = (byte) counter;
            counter >>>= 8;
        }
        mac.update(buffer, 0, 8);
        int length = mac.getMacLength();
        try {
            // Into a reused buffer rather than doFinal(), which allocates on every call.
            mac.doFinal(buffer, 0);
        } catch (ShortBufferException e) {
            throw new AssertionError("64 bytes hold every HMAC-SHA1/256/512 result", e);
        }
        int offset = buffer[length - 1] & 0x0f;
        int binary = ((buffer[offset] & 0x7f) << 24)
                | ((buffer[offset + 1] & 0xff) << 16)
                | ((buffer[offset + 2] & 0xff) << 8)
                | (buffer[offset + 3] & 0xff);
        return binary % OtpCodes.modulus(digits);
    }
}
