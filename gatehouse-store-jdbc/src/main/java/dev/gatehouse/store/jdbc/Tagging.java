package dev.gatehouse.store.jdbc;

import dev.gatehouse.core.Tags;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** Tags of users and devices, in one table keyed by the resource's row identity. */
final class Tagging {

    private Tagging() {
    }

    static Tags read(Handle handle, String resource) {
        Map<String, String> tags = new LinkedHashMap<>();
        handle.createQuery("SELECT tag_key, tag_value FROM tags WHERE resource = :resource")
                .bind("resource", resource)
                .map((row, context) -> Map.entry(row.getString(1), row.getString(2)))
                .forEach(tag -> tags.put(tag.getKey(), tag.getValue()));
        return Tags.of(tags);
    }

    static void write(Handle handle, String resource, Tags tags) {
        delete(handle, resource);
        insert(handle, resource, tags);
    }

    /** The tags of a resource that has none yet, as when it is created. */
    static void insert(Handle handle, String resource, Tags tags) {
        for (Map.Entry<String, String> tag : tags.values().entrySet()) {
            handle.createUpdate("INSERT INTO tags (resource, tag_key, tag_value) VALUES (:resource, :key, :value)")
                    .bind("resource", resource).bind("key", tag.getKey()).bind("value", tag.getValue()).execute();
        }
    }

    static void delete(Handle handle, String resource) {
        handle.createUpdate("DELETE FROM tags WHERE resource = :resource").bind("resource", resource).execute();
    }
}
