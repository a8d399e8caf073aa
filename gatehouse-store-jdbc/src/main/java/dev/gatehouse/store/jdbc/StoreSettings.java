package dev.gatehouse.store.jdbc;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how to open the store, parsed once at start.
 *
 * @param jdbcUrl {@code jdbc:sqlite:FILE} or {@code jdbc:postgresql://…}
 * @param poolSize connections in the pool
 * @param busyTimeout how long a SQLite writer waits for another process's write lock before failing
 */
public record StoreSettings(String jdbcUrl, int poolSize, Duration busyTimeout) {

    /** The embedded database's file name in the data directory. */
    public static final String SQLITE_FILE_NAME = "gatehouse.db";

    public StoreSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(busyTimeout, "busyTimeout");
        Database.of(jdbcUrl);
        if (poolSize < 1) {
            throw new IllegalArgumentException("the pool needs at least one connection");
        }
    }

    /** The embedded default: {@value #SQLITE_FILE_NAME} in {@code dataDirectory}. */
    public static StoreSettings embedded(Path dataDirectory) {
        return new StoreSettings("jdbc:sqlite:" + dataDirectory.resolve(SQLITE_FILE_NAME).toAbsolutePath(), 4,
                Duration.ofSeconds(10));
    }

    /** {@code --database URL} when given, the embedded default in {@code dataDirectory} otherwise. */
    public static StoreSettings of(String databaseUrlOrNull, Path dataDirectory) {
        return databaseUrlOrNull == null || databaseUrlOrNull.isBlank() ? embedded(dataDirectory)
                : new StoreSettings(databaseUrlOrNull, 8, Duration.ofSeconds(10));
    }

    /** The SQLite database file, for the embedded store. */
    public Path sqliteFile() {
        if (database() != Database.SQLITE) {
            throw new IllegalStateException("not a SQLite store");
        }
        String location = jdbcUrl.substring("jdbc:sqlite:".length());
        int query = location.indexOf('?');
        return Path.of(query < 0 ? location : location.substring(0, query));
    }

    public Database database() {
        return Database.of(jdbcUrl);
    }
}
