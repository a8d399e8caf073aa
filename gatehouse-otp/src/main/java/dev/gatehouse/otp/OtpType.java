package dev.gatehouse.otp;

import java.util.Locale;

/** The two kinds of one-time password a key URI can describe. */
public enum OtpType {
    /** RFC 4226: counter-based. */
    HOTP,
    /** RFC 6238: time-based. */
    TOTP;

    /** The name in the host part of an otpauth:// URI. */
    public String uriName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
