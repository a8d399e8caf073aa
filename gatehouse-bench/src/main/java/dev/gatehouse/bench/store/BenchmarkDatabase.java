package dev.gatehouse.bench.store;

import dev.gatehouse.store.jdbc.JdbcStore;
import dev.gatehouse.store.jdbc.StoreSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A store for one benchmark trial, opened as {@code serve} opens it (durable commits: SQLite
 * synchronous=FULL, PostgreSQL's defaults), in a place of its own that {@link #close} removes: a
 * temporary data directory for SQLite, a fresh schema for PostgreSQL.
 */
final class BenchmarkDatabase implements AutoCloseable {

    static final String SQLITE = "sqlite";
    static final String POSTGRESQL = "postgresql";

    /** Where the PostgreSQL runs are: {@code GATEHOUSE_BENCH_POSTGRES_URL}, by default the test server. */
    static final String POSTGRES_URL_VARIABLE = "GATEHOUSE_BENCH_POSTGRES_URL";
    static final String DEFAULT_POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    private final JdbcStore store;
    private final Runnable removal;

    private BenchmarkDatabase(JdbcStore store, Runnable removal) {
        this.store = store;
        this.removal = removal;
    }

    static BenchmarkDatabase open(String database) {
        return switch (database) {
            case SQLITE -> openSqlite();
            case POSTGRESQL -> openPostgres();
            default -> throw new IllegalArgumentException("no database " + database + "; use sqlite or postgresql");
        };
    }

    JdbcStore store() {
        return store;
    }

    private static BenchmarkDatabase openSqlite() {
        try {
            Path directory = Files.createTempDirectory("gatehouse-bench");
            return new BenchmarkDatabase(JdbcStore.open(StoreSettings.embedded(directory)), () -> delete(directory));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BenchmarkDatabase openPostgres() {
        String configured = System.getenv(POSTGRES_URL_VARIABLE);
        String baseUrl = configured == null || configured.isBlank() ? DEFAULT_POSTGRES_URL : configured;
        String schema = "gatehouse_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16)
                .toLowerCase(Locale.ROOT);
        execute(baseUrl, "CREATE SCHEMA " + schema);
        String url = baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new BenchmarkDatabase(JdbcStore.open(StoreSettings.of(url, Path.of("unused"))),
                () -> execute(baseUrl, "DROP SCHEMA " + schema + " CASCADE"));
    }

    @Override
    public void close() {
        store.close();
        removal.run();
    }

    private static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + url.replaceAll("\\?.*", "?…") + ": " + e.getMessage()
                    + " (set " + POSTGRES_URL_VARIABLE + ")", e);
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
