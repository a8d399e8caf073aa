package dev.gatehouse.otp;

import java.io.ByteArrayOutputStream;

/**
 * RFC 4648 Base32 with the standard alphabet. Decoding is as lenient as authenticator apps
 * (lower case, spaces and missing padding are fine) and strict about everything else.
 */
public final class Base32 {

    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final int[] VALUES = new int[128];

    static {
        java.util.Arrays.fill(VALUES, -1);
        for (int i = 0; i < ALPHABET.length; i++) {
            VALUES[ALPHABET[i]] = i;
            VALUES[Character.toLowerCase(ALPHABET[i])] = i;
        }
    }

    private Base32() {
    }

    /** Encodes with '=' padding to a multiple of eight characters, as RFC 4648 §6 writes it. */
    public static String encode(byte[] data) {
        StringBuilder out = new StringBuilder(encodeUnpadded(data));
        while (out.length() % 8 != 0) {
            out.append('=');
        }
        return out.toString();
    }

    /** Encodes without padding, the form used in otpauth:// URIs. */
    public static String encodeUnpadded(byte[] data) {
        StringBuilder out = new StringBuilder((data.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET[(buffer >>> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(ALPHABET[(buffer << (5 - bits)) & 31]);
        }
        return out.toString();
    }

    /**
     * Decodes Base32 text, ignoring case, spaces and trailing padding.
     *
     * @throws IllegalArgumentException naming the first character that is not Base32, padding that
     *     is not at the end, or a length no encoder produces
     */
    public static byte[] decode(CharSequence text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        int symbols = 0;
        boolean padding = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ') {
                continue;
            }
            if (c == '=') {
                padding = true;
                continue;
            }
            int value = c < 128 ? VALUES[c] : -1;
            if (value < 0) {
                throw new IllegalArgumentException("invalid Base32 character " + describe(c)
                        + " at position " + (i + 1));
            }
            if (padding) {
                throw new IllegalArgumentException(
                        "invalid Base32: padding '=' before position " + (i + 1));
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            symbols++;
            if (bits >= 8) {
                out.write(buffer >>> (bits - 8));
                bits -= 8;
            }
        }
        // Lengths of 1, 3 or 6 symbols in the last group leave bits that no byte string encodes to.
        int tail = symbols % 8;
        if (tail == 1 || tail == 3 || tail == 6) {
            throw new IllegalArgumentException(
                    "invalid Base32: " + symbols + " symbols is not the length of any encoded data");
        }
        return out.toByteArray();
    }

    private static String describe(char c) {
        if (Character.isISOControl(c) || Character.isWhitespace(c)) {
            return String.format("U+%04X", (int) c);
        }
        return "'" + c + "'";
    }
}
