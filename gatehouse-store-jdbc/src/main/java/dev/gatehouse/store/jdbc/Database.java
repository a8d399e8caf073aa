package dev.gatehouse.store.jdbc;

/** The databases the store runs on, told apart by their JDBC URL. */
public enum Database {
    /** The embedded default: one file in the data directory, one writer at a time. */
    SQLITE("jdbc:sqlite:"),
    /** One or more nodes sharing a server: {@code jdbc:postgresql://host:port/db?user=…}. */
    POSTGRESQL("jdbc:postgresql:");

    private final String urlPrefix;

    Database(String urlPrefix) {
        this.urlPrefix = urlPrefix;
    }

    /**
     * @throws IllegalArgumentException naming the URL forms accepted
     */
    public static Database of(String jdbcUrl) {
        for (Database database : values()) {
            if (jdbcUrl.startsWith(database.urlPrefix)) {
                return database;
            }
        }
        throw new IllegalArgumentException("unsupported database URL (expected jdbc:postgresql://HOST[:PORT]/DB"
                + " or jdbc:sqlite:FILE): " + redactedUrl(jdbcUrl));
    }

    /** The URL without its query, which may hold a password. */
    public static String redactedUrl(String jdbcUrl) {
        int query = jdbcUrl.indexOf('?');
        return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query) + "?…";
    }
}
