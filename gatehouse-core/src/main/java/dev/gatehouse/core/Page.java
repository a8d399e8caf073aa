package dev.gatehouse.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import dev.gatehouse.core.internal.Markers;

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

    /**
     * A page of a short list held in memory (a user's tags or keys), which must be in ascending
     * order of {@code sortKey}: the page starts after the marker's key, so an item removed
     * between two pages does not lose its successors.
     *
     * @throws dev.gatehouse.core.error.ValidationException if {@code maxItems} is outside 1 to 1000
     */
    public static <T> Page<T> of(List<T> sorted, Optional<String> marker, int maxItems, Function<T, String> sortKey) {
        int limit = Markers.checkMaxItems(maxItems);
        Optional<String> after = Markers.decode(marker);
        List<T> rest = sorted.stream().filter(item -> after.map(key -> sortKey.apply(item).compareTo(key) > 0).orElse(true))
                .limit(limit + 1L).toList();
        return Markers.page(rest, limit, sortKey);
    }

    public boolean isTruncated() {
        return nextMarker.isPresent();
    }
}
