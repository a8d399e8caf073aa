package dev.gatehouse.otp;

/** Formatting and checking of the decimal codes HOTP and TOTP produce. */
public final class OtpCodes {

    public static final int MINIMUM_DIGITS = 6;
    public static final int MAXIMUM_DIGITS = 8;

    private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000,
        10_000_000, 100_000_000};

    private OtpCodes() {
    }

    /**
     * The code as exactly {@code digits} ASCII digits with leading zeros. Written by hand rather
     * than with {@code String.format}, whose digits follow the default locale (Arabic-Indic digits
     * in some), which no authenticator would type.
     */
    public static String format(int code, int digits) {
        checkDigits(digits);
        if (code < 0 || code >= POWERS_OF_TEN[digits]) {
            throw new IllegalArgumentException("code does not fit in " + digits + " digits");
        }
        char[] text = new char[digits];
        for (int i = digits - 1; i >= 0; i--) {
            text[i] = (char) ('0' + code % 10);
            code /= 10;
        }
        return new String(text);
    }

    /** Whether {@code code} is exactly {@code digits} ASCII digits, the only form a verifier accepts. */
    public static boolean isWellFormed(CharSequence code, int digits) {
        if (code == null || code.length() != digits) {
            return false;
        }
        for (int i = 0; i < digits; i++) {
            char c = code.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    static int modulus(int digits) {
        return POWERS_OF_TEN[digits];
    }

    static void checkDigits(int digits) {
        if (digits < MINIMUM_DIGITS || digits > MAXIMUM_DIGITS) {
            throw new IllegalArgumentException("codes have " + MINIMUM_DIGITS + " to " + MAXIMUM_DIGITS
                    + " digits, not " + digits);
        }
    }
}
