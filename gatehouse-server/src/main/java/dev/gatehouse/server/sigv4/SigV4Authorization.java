package dev.gatehouse.server.sigv4;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a request claims about its signature, read from the {@code Authorization} header or from
 * the {@code X-Amz-*} query parameters of a presigned URL.
 *
 * @param expires how long a presigned URL stays valid; empty for header signatures
 */
public record SigV4Authorization(String accessKeyId, CredentialScope scope, List<String> signedHeaders,
        byte[] signature, Instant requestTime, String amzDate, Optional<Duration> expires,
        Optional<String> securityToken) {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final Duration LONGEST_PRESIGNED_EXPIRY = Duration.ofDays(7);

    /** Whether this came from query parameters rather than the Authorization header. */
    public boolean presigned() {
        return expires.isPresent();
    }

    /**
     * Reads the signature of {@code request}, from its header or its query string.
     *
     * @throws AuthenticationFailure MissingAuthenticationToken when there is neither, or
     *     IncompleteSignature when what is there is malformed
     */
    static SigV4Authorization of(SignableRequest request, List<Map.Entry<String, String>> query) {
        Optional<String> header = request.header("authorization");
        if (header.isPresent()) {
            return fromHeader(header.get(), request);
        }
        if (query.stream().anyMatch(entry -> entry.getKey().equals("X-Amz-Signature")
                || entry.getKey().equals("X-Amz-Algorithm"))) {
            return fromQuery(query);
        }
        throw AuthenticationFailure.missingAuthenticationToken();
    }

    private static SigV4Authorization fromHeader(String header, SignableRequest request) {
        if (!header.startsWith(ALGORITHM + " ")) {
            throw AuthenticationFailure.incompleteSignature(
                    "Authorization header requires the " + ALGORITHM + " algorithm.");
        }
        String credential = null;
        String signedHeaders = null;
        String signature = null;
        for (String part : header.substring(ALGORITHM.length() + 1).split(",")) {
            String trimmed = part.strip();
            int equals = trimmed.indexOf('=');
            if (equals < 0) {
                throw AuthenticationFailure.incompleteSignature("Authorization header element '" + trimmed
                        + "' is not a key=value pair.");
            }
            String value = trimmed.substring(equals + 1);
            switch (trimmed.substring(0, equals)) {
                case "Credential" -> credential = value;
                case "SignedHeaders" -> signedHeaders = value;
                case "Signature" -> signature = value;
                default -> throw AuthenticationFailure.incompleteSignature("Authorization header element '"
                        + trimmed.substring(0, equals) + "' is not recognised.");
            }
        }
        String amzDate = request.header("x-amz-date").orElseThrow(() -> AuthenticationFailure.incompleteSignature(
                "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header."));
        return build(require(credential, "Credential"), require(signedHeaders, "SignedHeaders"),
                require(signature, "Signature"), amzDate, Optional.empty(), request.header("x-amz-security-token"));
    }

    private static SigV4Authorization fromQuery(List<Map.Entry<String, String>> query) {
        String algorithm = single(query, "X-Amz-Algorithm");
        if (!ALGORITHM.equals(algorithm)) {
            throw AuthenticationFailure.incompleteSignature("X-Amz-Algorithm must be " + ALGORITHM + ".");
        }
        String expiresText = single(query, "X-Amz-Expires");
        Duration expires;
        try {
            expires = Duration.ofSeconds(Long.parseLong(expiresText));
        } catch (NumberFormatException e) {
            throw AuthenticationFailure.incompleteSignature("X-Amz-Expires must be a number of seconds.");
        }
        if (expires.isNegative() || expires.compareTo(LONGEST_PRESIGNED_EXPIRY) > 0) {
            throw AuthenticationFailure.incompleteSignature("X-Amz-Expires must be from 0 to 604800 seconds.");
        }
        Optional<String> token = query.stream().filter(entry -> entry.getKey().equals("X-Amz-Security-Token"))
                .map(Map.Entry::getValue).findFirst();
        return build(single(query, "X-Amz-Credential"), single(query, "X-Amz-SignedHeaders"),
                single(query, "X-Amz-Signature"), single(query, "X-Amz-Date"), Optional.of(expires), token);
    }

    private static SigV4Authorization build(String credential, String signedHeaders, String signature,
            String amzDate, Optional<Duration> expires, Optional<String> securityToken) {
        int slash = credential.indexOf('/');
        if (slash <= 0) {
            throw AuthenticationFailure.incompleteSignature("Credential must be ACCESS_KEY_ID/DATE/REGION/SERVICE/aws4_request.");
        }
        CredentialScope scope = CredentialScope.parse(credential.substring(slash + 1));
        Instant requestTime;
        try {
            requestTime = parseAmzDate(amzDate);
        } catch (DateTimeException e) {
            throw AuthenticationFailure.incompleteSignature("X-Amz-Date must be in the ISO 8601 basic format yyyyMMdd'T'HHmmss'Z'.");
        }
        if (!requestTime.atZone(ZoneOffset.UTC).toLocalDate().equals(scope.date())) {
            throw AuthenticationFailure.incompleteSignature("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP.");
        }
        List<String> headers = new ArrayList<>(List.of(signedHeaders.split(";", -1)));
        if (headers.stream().anyMatch(String::isEmpty) || !headers.contains("host")) {
            throw AuthenticationFailure.incompleteSignature("SignedHeaders must list 'host' and no empty names.");
        }
        byte[] signatureBytes;
        try {
            if (signature.length() != 64) {
                throw new IllegalArgumentException();
            }
            signatureBytes = HexFormat.of().parseHex(signature);
        } catch (IllegalArgumentException e) {
            throw AuthenticationFailure.incompleteSignature("Signature must be 64 hexadecimal characters.");
        }
        return new SigV4Authorization(credential.substring(0, slash), scope, List.copyOf(headers), signatureBytes,
                requestTime, amzDate, expires, securityToken);
    }

    /** {@code yyyyMMdd'T'HHmmss'Z'}, read by hand as the scope's date is (see {@link CredentialScope#parseDate}). */
    static Instant parseAmzDate(String text) {
        if (text.length() != 16 || text.charAt(8) != 'T' || text.charAt(15) != 'Z') {
            throw new DateTimeException("not yyyyMMdd'T'HHmmss'Z': " + text);
        }
        LocalTime time = LocalTime.of(CredentialScope.number(text, 9, 11), CredentialScope.number(text, 11, 13),
                CredentialScope.number(text, 13, 15));
        return LocalDateTime.of(CredentialScope.parseDate(text.substring(0, 8)), time).toInstant(ZoneOffset.UTC);
    }

    private static String require(String value, String name) {
        if (value == null || value.isEmpty()) {
            throw AuthenticationFailure.incompleteSignature("Authorization header requires '" + name + "' parameter.");
        }
        return value;
    }

    private static String single(List<Map.Entry<String, String>> query, String name) {
        List<String> values = query.stream().filter(entry -> entry.getKey().equals(name)).map(Map.Entry::getValue).toList();
        if (values.size() != 1 || values.get(0).isEmpty()) {
            throw AuthenticationFailure.incompleteSignature("Presigned requests require exactly one '" + name + "' parameter.");
        }
        return values.get(0);
    }

    @Override
    public String toString() {
        return "SigV4Authorization[" + accessKeyId + ", " + scope + ", signed=" + signedHeaders + "]";
    }
}
