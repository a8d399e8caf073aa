package dev.gatehouse.store.jdbc;

import dev.gatehouse.core.Tags;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
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

    /** One entity from the current row of a result. */
    @FunctionalInterface
    interface EntityRow<T> {
        T map(ResultSet row) throws SQLException;
    }

    /**
     * Runs {@code sql}, which selects an entity's columns with its tags LEFT JOINed as
     * {@code tag_key} and {@code tag_value}, ordered so that an entity's rows are adjacent, and
     * returns each entity once with its tags, in that order: one statement where reading the tags
     * apart would take one per entity.
     *
     * <p>Plain JDBC on the handle's connection, with SQLite's statements kept for reuse: these are
     * the reads that every API request makes, and JDBI's work to set up a statement costs a good
     * share of such a query.
     */
    static <T> List<T> readWithTags(Handle handle, String sql, List<?> parameters, String idColumn, EntityRow<T> entity,
            BiFunction<T, Tags, T> withTags) {
        Map<String, T> entities = new LinkedHashMap<>();
        Map<String, Map<String, String>> tags = new HashMap<>();
        try {
            SqliteStatementCache.withStatement(handle, sql, statement -> {
                for (int i = 0; i < parameters.size(); i++) {
                    statement.setObject(i + 1, parameters.get(i));
                }
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        String id = row.getString(idColumn);
                        if (!entities.containsKey(id)) {
                            entities.put(id, entity.map(row));
                        }
                        String key = row.getString("tag_key");
                        if (key != null) {
                            tags.computeIfAbsent(id, absent -> new HashMap<>()).put(key, row.getString("tag_value"));
                        }
                    }
                }
                return null;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + sql, e);
        }
        List<T> found = new ArrayList<>(entities.size());
        entities.forEach((id, value) -> found.add(tags.containsKey(id) ? withTags.apply(value, Tags.of(tags.get(id))) : value));
        return found;
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
