package dev.gatehouse.core.mfa;

import dev.gatehouse.otp.KeyUri;
import dev.gatehouse.otp.OtpSecret;
import java.util.Objects;

/**
 * A virtual MFA device just created, with its seed and the key URI its QR code shows: returned
 * by creation only, never again. Redacted in {@code toString}.
 */
public record NewVirtualMfaDevice(MfaDevice device, OtpSecret seed, KeyUri keyUri) {

    public NewVirtualMfaDevice {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(keyUri, "keyUri");
    }

    /** AWS's {@code Base32StringSeed}, before the API's own Base64 of the blob. */
    public String base32Seed() {
        return seed.toBase32();
    }

    @Override
    public String toString() {
        return "NewVirtualMfaDevice[" + device.serial() + ", seed redacted]";
    }
}
