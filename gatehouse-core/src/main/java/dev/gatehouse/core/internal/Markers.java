package dev.gatehouse.core.internal;

import dev.gatehouse.core.Page;
import dev.gatehouse.core.error.InvalidInputException;
import dev.gatehouse.core.error.ValidationException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Paging markers: the sort key of the last item returned, Base64url-encoded so that callers
 * treat it as opaque. Repositories are asked for one item more than the page holds, to learn
 * whether there is a next page without counting.
 */
public final class Markers {

    private Markers() {
    }

    /** @throws ValidationException unless 1 to 1000, AWS's MaxItems range */
    public static int checkMaxItems(int maxItems) {
        if (maxItems < 1 || maxItems > Page.MAXIMUM_ITEMS) {
            throw new ValidationException("MaxItems must be 1 to " + Page.MAXIMUM_ITEMS);
        }
        return maxItems;
    }

    public static Optional<String> decode(Optional<String> marker) {
        return marker.filter(text -> !text.isEmpty()).map(text -> {
            try {
                return new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("The marker is not one this service returned.");
            }
        });
    }

    public static String encode(String sortKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sortKey.getBytes(StandardCharsets.UTF_8));
    }

    /** The first {@code limit} of {@code fetched}, with a marker if {@code fetched} had more. */
    public static <T> Page<T> page(List<T> fetched, int limit, Function<T, String> sortKey) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, Optional.empty());
        }
        List<T> items = fetched.subList(0, limit);
        return new Page<>(items, Optional.of(encode(sortKey.apply(items.get(limit - 1)))));
    }
}
