package dev.gatehouse.server.api;

import dev.gatehouse.core.Page;
import dev.gatehouse.core.Tags;
import dev.gatehouse.core.error.InvalidInputException;
import dev.gatehouse.server.query.QueryInput;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reading common members of the service models' inputs into domain values. */
public final class Inputs {

    private Inputs() {
    }

    /**
     * {@code Tags.member.N.Key/Value} as tags; none when absent.
     *
     * @throws InvalidInputException if a key comes twice, as AWS refuses it rather than pick one
     */
    public static Tags tags(QueryInput input) {
        List<QueryInput> list = input.list("Tags");
        Map<String, String> values = new LinkedHashMap<>();
        for (QueryInput tag : list) {
            String key = tag.requiredString("Key");
            if (values.put(key, tag.requiredString("Value")) != null) {
                throw new InvalidInputException("Duplicate tag keys found. Please note that Tag keys are case sensitive.");
            }
        }
        return Tags.of(values);
    }

    public static Optional<String> marker(QueryInput input) {
        return input.string("Marker");
    }

    /** {@code MaxItems}, AWS's default of 100 when absent. */
    public static int maxItems(QueryInput input) {
        return input.integer("MaxItems").orElse(Page.DEFAULT_MAXIMUM_ITEMS);
    }
}
