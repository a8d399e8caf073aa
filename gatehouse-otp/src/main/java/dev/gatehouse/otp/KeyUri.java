package dev.gatehouse.otp;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An otpauth:// key URI in the Google Authenticator key-URI format, the text inside the QR codes
 * that authenticator apps scan:
 * {@code otpauth://TYPE/LABEL?secret=BASE32&issuer=ISSUER&algorithm=SHA1&digits=6&period=30}.
 *
 * <p>The label is either {@code issuer:account} or, as AWS writes it, {@code device@account} with
 * no issuer. Parameters left at their defaults (SHA1, 6 digits, 30 seconds) are omitted when the
 * URI is written, as AWS does; unknown parameters (such as {@code image}) are ignored on parsing.
 *
 * @param issuer the issuer, or {@code null} where the URI names none
 * @param period the time step, for TOTP; {@code null} for HOTP
 * @param counter the initial counter, for HOTP; zero for TOTP
 */
public record KeyUri(OtpType type, String issuer, String accountName, OtpSecret secret,
        HmacAlgorithm algorithm, int digits, Duration period, long counter) {

    private static final String SCHEME = "otpauth://";
    private static final Duration DEFAULT_PERIOD = Duration.ofSeconds(30);

    public KeyUri {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(algorithm, "algorithm");
        if (accountName == null || accountName.isBlank()) {
            throw new InvalidKeyUriException("the label must name an account");
        }
        if (accountName.indexOf(':') >= 0) {
            throw new InvalidKeyUriException("the account name cannot contain ':'");
        }
        if (issuer != null && (issuer.isBlank() || issuer.indexOf(':') >= 0)) {
            throw new InvalidKeyUriException("the issuer must be non-blank and cannot contain ':'");
        }
        try {
            OtpCodes.checkDigits(digits);
        } catch (IllegalArgumentException e) {
            throw new InvalidKeyUriException("digits out of range: " + e.getMessage());
        }
        if (type == OtpType.TOTP) {
            Objects.requireNonNull(period, "a TOTP key URI needs a period");
            if (period.isNegative() || period.isZero() || period.getNano() != 0) {
                throw new InvalidKeyUriException("the period must be a whole number of seconds, one or more");
            }
            if (counter != 0) {
                throw new InvalidKeyUriException("a TOTP key URI has no counter");
            }
        } else {
            if (period != null) {
                throw new InvalidKeyUriException("an HOTP key URI has no period");
            }
            if (counter < 0) {
                throw new InvalidKeyUriException("the counter cannot be negative");
            }
        }
    }

    /** A TOTP key URI; T0 is always the epoch in this format. */
    public static KeyUri totp(String issuer, String accountName, OtpSecret secret, TotpParameters parameters) {
        if (!parameters.t0().equals(Instant.EPOCH)) {
            throw new InvalidKeyUriException("key URIs cannot express a T0 other than the epoch");
        }
        return new KeyUri(OtpType.TOTP, issuer, accountName, secret, parameters.algorithm(),
                parameters.digits(), parameters.period(), 0);
    }

    /** An HOTP key URI starting at {@code counter}. */
    public static KeyUri hotp(String issuer, String accountName, OtpSecret secret,
            HmacAlgorithm algorithm, int digits, long counter) {
        return new KeyUri(OtpType.HOTP, issuer, accountName, secret, algorithm, digits, null, counter);
    }

    public Optional<String> issuerName() {
        return Optional.ofNullable(issuer);
    }

    /**
     * The TOTP parameters this URI describes.
     *
     * @throws IllegalStateException for an HOTP URI
     */
    public TotpParameters totpParameters() {
        if (type != OtpType.TOTP) {
            throw new IllegalStateException("an HOTP key URI has no TOTP parameters");
        }
        return new TotpParameters(algorithm, digits, period);
    }

    /** The URI as text, percent-encoded, defaults omitted. */
    public String toUriString() {
        StringBuilder uri = new StringBuilder(SCHEME).append(type.uriName()).append('/');
        if (issuer != null) {
            uri.append(encode(issuer)).append(':');
        }
        uri.append(encode(accountName));
        uri.append("?secret=").append(secret.toBase32());
        if (issuer != null) {
            uri.append("&issuer=").append(encode(issuer));
        }
        if (algorithm != HmacAlgorithm.SHA1) {
            uri.append("&algorithm=").append(algorithm.uriName());
        }
        if (digits != 6) {
            uri.append("&digits=").append(digits);
        }
        if (type == OtpType.TOTP && !period.equals(DEFAULT_PERIOD)) {
            uri.append("&period=").append(period.getSeconds());
        }
        if (type == OtpType.HOTP) {
            uri.append("&counter=").append(counter);
        }
        return uri.toString();
    }

    /** Redacted: the URI holds the secret. */
    @Override
    public String toString() {
        return "KeyUri[" + type.uriName() + ", issuer=" + issuer + ", account=" + accountName
                + ", secret=redacted, " + algorithm + ", " + digits + " digits"
                + (type == OtpType.TOTP ? ", period=" + period.getSeconds() + "s" : ", counter=" + counter)
                + "]";
    }

    /**
     * Parses a key URI.
     *
     * @throws InvalidKeyUriException saying what is wrong: not otpauth://, an unknown type, no
     *     label, no secret, bad Base32, an unknown algorithm, digits out of range, a bad period or
     *     counter, a repeated parameter or a malformed percent-escape
     */
    public static KeyUri parse(String text) {
        Objects.requireNonNull(text, "text");
        String uri = text.strip();
        if (!uri.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            throw new InvalidKeyUriException("not a key URI: it must start with otpauth://");
        }
        int slash = uri.indexOf('/', SCHEME.length());
        if (slash < 0) {
            throw new InvalidKeyUriException("the key URI has no label");
        }
        OtpType type = parseType(uri.substring(SCHEME.length(), slash));
        int question = uri.indexOf('?', slash);
        String rawLabel = question < 0 ? uri.substring(slash + 1) : uri.substring(slash + 1, question);
        Map<String, String> parameters = parseQuery(question < 0 ? "" : uri.substring(question + 1));

        String label = decode(rawLabel, "label");
        String labelIssuer = null;
        String accountName = label;
        int colon = label.indexOf(':');
        if (colon >= 0) {
            labelIssuer = label.substring(0, colon);
            accountName = label.substring(colon + 1).stripLeading();
        }
        // The parameter is the newer, preferred place for the issuer; the label prefix is the fallback.
        String issuer = parameters.getOrDefault("issuer", labelIssuer);

        String secretText = parameters.get("secret");
        if (secretText == null || secretText.isEmpty()) {
            throw new InvalidKeyUriException("the key URI has no secret");
        }
        OtpSecret secret;
        try {
            secret = OtpSecret.fromBase32(secretText);
        } catch (IllegalArgumentException e) {
            throw new InvalidKeyUriException("the secret is not valid Base32: " + e.getMessage(), e);
        }
        HmacAlgorithm algorithm = HmacAlgorithm.SHA1;
        if (parameters.containsKey("algorithm")) {
            try {
                algorithm = HmacAlgorithm.fromUriName(parameters.get("algorithm"));
            } catch (IllegalArgumentException e) {
                throw new InvalidKeyUriException(e.getMessage(), e);
            }
        }
        int digits = (int) parseNumber(parameters, "digits", 6);
        if (type == OtpType.TOTP) {
            if (parameters.containsKey("counter")) {
                throw new InvalidKeyUriException("a TOTP key URI has no counter");
            }
            long period = parseNumber(parameters, "period", 30);
            if (period < 1) {
                throw new InvalidKeyUriException("the period must be one second or more, not " + period);
            }
            return new KeyUri(type, issuer, accountName, secret, algorithm, digits, Duration.ofSeconds(period), 0);
        }
        if (!parameters.containsKey("counter")) {
            throw new InvalidKeyUriException("an HOTP key URI needs a counter");
        }
        return new KeyUri(type, issuer, accountName, secret, algorithm, digits, null,
                parseNumber(parameters, "counter", 0));
    }

    private static OtpType parseType(String text) {
        for (OtpType type : OtpType.values()) {
            if (type.uriName().equalsIgnoreCase(text)) {
                return type;
            }
        }
        throw new InvalidKeyUriException("unknown OTP type '" + text + "' (expected totp or hotp)");
    }

    private static Map<String, String> parseQuery(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (query.isEmpty()) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals), "parameter name")
                    .toLowerCase(Locale.ROOT);
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1), "parameter " + name);
            if (parameters.putIfAbsent(name, value) != null) {
                throw new InvalidKeyUriException("the parameter '" + name + "' appears more than once");
            }
        }
        return parameters;
    }

    private static long parseNumber(Map<String, String> parameters, String name, long fallback) {
        String value = parameters.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            long number = Long.parseLong(value);
            if (number < 0) {
                throw new InvalidKeyUriException(name + " cannot be negative: " + value);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new InvalidKeyUriException(name + " is not a whole number: '" + value + "'", e);
        }
    }

    /** RFC 3986 percent-encoding of UTF-8; '@' stays literal so AWS's device@account labels read as AWS writes them. */
    static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '@') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return out.toString();
    }

    /** RFC 3986 percent-decoding to UTF-8; '+' is a literal plus, as in any URI path. */
    static String decode(String text, String part) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        int i = 0;
        while (i < text.length()) {
            int percent = text.indexOf('%', i);
            int end = percent < 0 ? text.length() : percent;
            byte[] literal = text.substring(i, end).getBytes(StandardCharsets.UTF_8);
            bytes.write(literal, 0, literal.length);
            if (percent < 0) {
                break;
            }
            if (percent + 2 >= text.length()) {
                throw new InvalidKeyUriException("truncated percent-escape in the " + part);
            }
            int high = Character.digit(text.charAt(percent + 1), 16);
            int low = Character.digit(text.charAt(percent + 2), 16);
            if (high < 0 || low < 0) {
                throw new InvalidKeyUriException("malformed percent-escape '"
                        + text.substring(percent, percent + 3) + "' in the " + part);
            }
            bytes.write(high << 4 | low);
            i = percent + 3;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidKeyUriException("the " + part + " is not valid UTF-8 once decoded", e);
        }
    }
}
