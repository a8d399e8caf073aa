package dev.gatehouse.core;

import dev.gatehouse.core.error.InvalidInputException;
import dev.gatehouse.core.error.ValidationException;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Tags of a user or MFA device: at most 50, keys 1–128 and values 0–256 characters, keys unique. */
public record Tags(Map<String, String> values) {

    public static final int MAXIMUM = 50;
    public static final Tags NONE = new Tags(Map.of());

    public Tags {
        Objects.requireNonNull(values, "values");
        if (values.size() > MAXIMUM) {
            throw new InvalidInputException("at most " + MAXIMUM + " tags are allowed, not " + values.size());
        }
        for (Map.Entry<String, String> tag : values.entrySet()) {
            String key = tag.getKey();
            String value = tag.getValue();
            if (key == null || key.isEmpty() || key.length() > 128) {
                throw new ValidationException("a tag key must be 1 to 128 characters long");
            }
            if (value == null || value.length() > 256) {
                throw new ValidationException("a tag value must be 0 to 256 characters long");
            }
        }
        // Sorted, so listings and comparisons are stable.
        values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    public static Tags of(Map<String, String> values) {
        return values.isEmpty() ? NONE : new Tags(values);
    }

    /** These tags with {@code added} set, later values winning. */
    public Tags with(Tags added) {
        TreeMap<String, String> merged = new TreeMap<>(values);
        merged.putAll(added.values);
        return new Tags(merged);
    }

    public Tags without(Iterable<String> keys) {
        TreeMap<String, String> remaining = new TreeMap<>(values);
        keys.forEach(remaining::remove);
        return new Tags(remaining);
    }
}
