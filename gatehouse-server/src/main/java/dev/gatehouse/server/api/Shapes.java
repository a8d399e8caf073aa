package dev.gatehouse.server.api;

import dev.gatehouse.core.Page;
import dev.gatehouse.core.Tags;
import dev.gatehouse.core.user.IamUser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Domain values as the members of the service models' output shapes. */
public final class Shapes {

    private Shapes() {
    }

    /** The {@code User} shape. */
    public static Map<String, Object> user(IamUser user) {
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("Path", user.path().value());
        shape.put("UserName", user.name().value());
        shape.put("UserId", user.id().value());
        shape.put("Arn", user.arn());
        shape.put("CreateDate", user.createdAt());
        if (!user.tags().values().isEmpty()) {
            shape.put("Tags", tags(user.tags()));
        }
        return shape;
    }

    /** A {@code tagListType}: a list of {@code Tag} structures. */
    public static List<Map<String, Object>> tags(Tags tags) {
        return tags.values().entrySet().stream()
                .<Map<String, Object>>map(tag -> Map.of("Key", tag.getKey(), "Value", tag.getValue()))
                .toList();
    }

    /**
     * A page as AWS lists it: the items under {@code member}, {@code IsTruncated}, and the
     * {@code Marker} for the next page when there is one.
     */
    public static <T> Map<String, Object> page(String member, Page<T> page, Function<T, ?> shape) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put(member, page.items().stream().map(shape).toList());
        result.put("IsTruncated", page.isTruncated());
        page.nextMarker().ifPresent(marker -> result.put("Marker", marker));
        return result;
    }
}
