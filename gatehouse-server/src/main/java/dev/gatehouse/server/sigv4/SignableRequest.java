package dev.gatehouse.server.sigv4;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The parts of an HTTP request that SigV4 signs, independent of the web framework.
 *
 * @param rawPath the path as sent, still percent-encoded
 * @param rawQuery the query string as sent, still percent-encoded, or "" when there is none
 * @param headers header values by lower-case name, in the order received
 * @param body the body's bytes, empty when there is none
 */
public record SignableRequest(String method, String rawPath, String rawQuery,
        Map<String, List<String>> headers, byte[] body) {

    public SignableRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(rawPath, "rawPath");
        rawQuery = rawQuery == null ? "" : rawQuery;
        TreeMap<String, List<String>> lowerCased = new TreeMap<>();
        headers.forEach((name, values) -> lowerCased
                .computeIfAbsent(name.toLowerCase(Locale.ROOT), key -> new java.util.ArrayList<>())
                .addAll(values));
        headers = java.util.Collections.unmodifiableMap(lowerCased);
        body = body == null ? new byte[0] : body;
    }

    /** The first value of a header, by case-insensitive name. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}
