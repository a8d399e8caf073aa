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
     * A page of a short list held in memory (a user's tags or keys), in the list's order, after the
     * item whose {@code sortKey} the marker holds.
     *
     * @throws dev.gatehouse.core.error.ValidationException if {@code maxItems} is outside 1 to 1000
     */
    public static <T> Page<T> of(List<T> sorted, Optional<String> marker, int maxItems, Function<T, String> sortKey) {
        int limit = Markers.checkMaxItems(maxItems);
        Optional<String> after = Markers.decode(marker);
        int start = 0;
        if (after.isPresent()) {
            while (start < sorted.size() && !sortKey.apply(sorted.get(start)).equals(after.get())) {
                start++;
            }
            start++;
        }
        List<T> rest = sorted.subList(Math.min(start, sorted.size()), sorted.size());
        return Markers.page(rest.subList(0, Math.min(rest.size(), limit + 1)), limit, sortKey);
    }

    public boolean isTruncated() {
        return nextMarker.isPresent();
    }
}
