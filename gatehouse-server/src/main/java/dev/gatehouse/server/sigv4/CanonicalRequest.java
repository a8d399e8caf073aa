package dev.gatehouse.server.sigv4;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The SigV4 canonical request: the exact text whose hash a signature covers. */
final class CanonicalRequest {

    private static final Pattern WHITESPACE_RUN = Pattern.compile("\\s+");
    private static final Comparator<String[]> BY_NAME_THEN_VALUE =
            Comparator.<String[], String>comparing(pair -> pair[0]).thenComparing(pair -> pair[1]);

    private CanonicalRequest() {
    }

    /**
     * The canonical request for {@code request} as {@code authorization} says it was signed.
     *
     * @param payloadHash the hex SHA-256 of the body
     */
    static String of(SignableRequest request, List<Map.Entry<String, String>> query,
            SigV4Authorization authorization, String payloadHash) {
        return request.method() + '\n'
                + canonicalUri(request.rawPath()) + '\n'
                + canonicalQuery(query) + '\n'
                + canonicalHeaders(request, authorization.signedHeaders()) + '\n'
                + String.join(";", authorization.signedHeaders()) + '\n'
                + payloadHash;
    }

    /**
     * Each path segment encoded once more, as every AWS service but S3 expects: the SDKs sign the
     * already-encoded path encoded again.
     */
    static String canonicalUri(String rawPath) {
        if (rawPath.isEmpty() || rawPath.equals("/")) {
            return "/";
        }
        StringBuilder uri = new StringBuilder();
        for (String segment : rawPath.split("/", -1)) {
            uri.append(QueryStrings.encode(segment)).append('/');
        }
        uri.setLength(uri.length() - 1);
        return uri.charAt(0) == '/' ? uri.toString() : "/" + uri;
    }

    /** Names and values encoded, sorted by name then value, the signature itself left out. */
    static String canonicalQuery(List<Map.Entry<String, String>> query) {
        return query.stream()
                .filter(entry -> !entry.getKey().equals("X-Amz-Signature"))
                .map(entry -> new String[] {QueryStrings.encode(entry.getKey()), QueryStrings.encode(entry.getValue())})
                .sorted(BY_NAME_THEN_VALUE)
                .map(pair -> pair[0] + "=" + pair[1])
                .collect(Collectors.joining("&"));
    }

    private static String canonicalHeaders(SignableRequest request, List<String> signedHeaders) {
        StringBuilder headers = new StringBuilder();
        for (String name : signedHeaders) {
            List<String> values = request.headers().getOrDefault(name, List.of());
            headers.append(name).append(':')
                    .append(values.stream().map(CanonicalRequest::trimAll).collect(Collectors.joining(",")))
                    .append('\n');
        }
        return headers.toString();
    }

    /** Leading and trailing spaces removed and inner runs of spaces folded to one, as SigV4 says. */
    private static String trimAll(String value) {
        String stripped = value.strip();
        return needsFolding(stripped) ? WHITESPACE_RUN.matcher(stripped).replaceAll(" ") : stripped;
    }

    /** Whether the regex would change {@code text}: most values have no run to fold, and this check costs less. */
    private static boolean needsFolding(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isRegexWhitespace(c) && (c != ' ' || (i + 1 < text.length() && isRegexWhitespace(text.charAt(i + 1))))) {
                return true;
            }
        }
        return false;
    }

    /** The characters of {@code \s}. */
    private static boolean isRegexWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    static String sha256Hex(byte[] data) {
        return HexFormat.of().formatHex(sha256(data));
    }

    static String sha256Hex(String text) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    // As for the HMAC: one digest per thread rather than a JCA look-up per hash; digest() resets it.
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("Every Java platform has SHA-256", e);
        }
    });

    private static byte[] sha256(byte[] data) {
        return SHA256.get().digest(data);
    }
}
