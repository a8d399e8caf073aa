package dev.gatehouse.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a listing in a stable order, and the marker that asks for the next page when
 * there is one (AWS's {@code IsTruncated} is {@code nextMarker().isPresent()}).
 */
public record Page<T>(List<T> items, Optional<String> nextMarker) {

    public static final int DEFAULT_MAXIMUM_ITEMS = 100;
    public static final int MAXIMUM_ITEMS = 1000;

    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(nextMarker, "nextMarker");
    }

    public boolean isTruncated() {
        return nextMarker.isPresent();
    }
}
