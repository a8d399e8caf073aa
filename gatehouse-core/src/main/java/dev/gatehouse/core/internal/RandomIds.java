package dev.gatehouse.core.internal;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Random identifiers in AWS's formats. Drawn from a {@link SecureRandom}: access key IDs and
 * internal row IDs are not secrets, but guessable ones would help an enumeration attack.
 */
public final class RandomIds {

    // AWS's unique IDs use upper-case letters and digits; this is the RFC 4648 Base32 alphabet,
    // which leaves out 0, 1, 8 and 9 so IDs cannot be misread.
    private static final char[] ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final char[] SECRET_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();

    private final SecureRandom random;

    public RandomIds(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    public RandomIds() {
        this(new SecureRandom());
    }

    /** Twelve digits; the first is never zero so the ID survives spreadsheets and integer parsing. */
    public String accountId() {
        StringBuilder id = new StringBuilder(12).append((char) ('1' + random.nextInt(9)));
        for (int i = 1; i < 12; i++) {
            id.append((char) ('0' + random.nextInt(10)));
        }
        return id.toString();
    }

    /** {@code AIDA} and 17 upper-case letters and digits, as AWS's user IDs. */
    public String userId() {
        return "AIDA" + draw(ID_ALPHABET, 17);
    }

    /** {@code AKIA} and 16 upper-case letters and digits. */
    public String accessKeyId() {
        return "AKIA" + draw(ID_ALPHABET, 16);
    }

    /** {@code ASIA} and 16 upper-case letters and digits: the access key ID of temporary credentials. */
    public String sessionAccessKeyId() {
        return "ASIA" + draw(ID_ALPHABET, 16);
    }

    /** 40 characters of the Base64 alphabet, as AWS's secret access keys: 240 bits. */
    public String secretAccessKey() {
        return draw(SECRET_ALPHABET, 40);
    }

    /**
     * A 128-bit row identifier in 32 hex digits, for rows whose natural key can change or is long:
     * the creation millisecond in 48 bits, then 80 random bits; time first, as in a UUIDv7 (RFC 9562),
     * without its version and variant bits. A new row's key then lands at the end of its primary-key
     * index, on a page that the last insert dirtied already, where a random key dirtied (and first
     * read) a random page of it on every insert: on SQLite a page more in the WAL for each commit.
     * 80 random bits within one millisecond are still far beyond guessing; the millisecond is the
     * row's creation time, which no row hides. It is the wall clock's, not the services' Clock: the
     * time here only places the row, and is never read back.
     */
    public String rowId() {
        return rowId(System.currentTimeMillis());
    }

    /** {@link #rowId()} for a row created at {@code epochMillis}. */
    String rowId(long epochMillis) {
        byte[] randomBits = new byte[10];
        random.nextBytes(randomBits);
        return HexFormat.of().toHexDigits(epochMillis).substring(4) + HexFormat.of().formatHex(randomBits);
    }

    private String draw(char[] alphabet, int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = alphabet[random.nextInt(alphabet.length)];
        }
        return new String(out);
    }
}
