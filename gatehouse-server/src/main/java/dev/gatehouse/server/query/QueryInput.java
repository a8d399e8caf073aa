package dev.gatehouse.server.query;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An operation's input, parsed from the query parameters and validated against the model.
 * Values are {@code String}, {@code Integer}, {@code Long}, {@code Boolean}, {@code Instant},
 * {@code byte[]}, {@code List}, {@code Map} or a nested {@code QueryInput}, by member name.
 */
public record QueryInput(Map<String, Object> values) {

    public QueryInput {
        values = Map.copyOf(values);
    }

    public boolean has(String member) {
        return values.containsKey(member);
    }

    public Optional<String> string(String member) {
        return Optional.ofNullable((String) values.get(member));
    }

    /** A member the model marks required, which validation has already ensured is present. */
    public String requiredString(String member) {
        return string(member).orElseThrow(() -> new IllegalStateException(member + " is not in the input"));
    }

    public Optional<Integer> integer(String member) {
        return Optional.ofNullable((Integer) values.get(member));
    }

    public Optional<Boolean> bool(String member) {
        return Optional.ofNullable((Boolean) values.get(member));
    }

    @SuppressWarnings("unchecked")
    public <T> List<T> list(String member) {
        return (List<T>) values.getOrDefault(member, List.of());
    }
}
