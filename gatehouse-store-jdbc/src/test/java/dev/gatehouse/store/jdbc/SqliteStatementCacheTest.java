package dev.gatehouse.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The statement cache on a real SQLite file behind HikariCP, with one connection in the pool so
 * that every handle gets the same physical connection: statements are reused across handles,
 * never shared by two users at once, and hold no read snapshot between uses.
 */
class SqliteStatementCacheTest {

    private static final String COUNT = "SELECT count(*) FROM items WHERE owner = ?";

    @TempDir
    Path directory;

    private String url;
    private HikariDataSource pool;
    private Jdbi jdbi;

    @BeforeEach
    void open() throws SQLException {
        url = "jdbc:sqlite:" + directory.resolve("cache.db") + "?journal_mode=WAL&synchronous=FULL";
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE items (id INTEGER PRIMARY KEY, owner TEXT NOT NULL)");
            statement.execute("INSERT INTO items (owner) VALUES ('ann'), ('ann'), ('bob')");
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(1);
        pool = new HikariDataSource(config);
        jdbi = Jdbi.create(pool);
        jdbi.setStatementBuilderFactory(new SqliteStatementCache());
    }

    @AfterEach
    void close() {
        pool.close();
    }

    @Test
    void aStatementIsReusedByTheNextHandleOnTheSameConnection() {
        List<PreparedStatement> used = new ArrayList<>();
        for (String owner : List.of("ann", "bob", "ann")) {
            int count = jdbi.withHandle(handle -> handle.createQuery(COUNT).bind(0, owner)
                    .addCustomizer(recordingInto(used)).mapTo(Integer.class).one());
            assertThat(count).isEqualTo(owner.equals("ann") ? 2 : 1);
        }
        assertThat(used).hasSize(3);
        assertThat(used.get(1)).isSameAs(used.get(0));
        assertThat(used.get(2)).isSameAs(used.get(0));
    }

    @Test
    void plainJdbcReadsShareTheStatementsOfJdbiQueries() throws SQLException {
        List<PreparedStatement> used = new ArrayList<>();
        jdbi.useHandle(handle -> handle.createQuery(COUNT).bind(0, "ann").addCustomizer(recordingInto(used))
                .mapTo(Integer.class).one());
        PreparedStatement plain = jdbi.withHandle(handle -> SqliteStatementCache.withStatement(handle, COUNT, statement -> {
            statement.setString(1, "bob");
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                assertThat(row.getInt(1)).isEqualTo(1);
            }
            return statement;
        }));
        assertThat(plain).isSameAs(used.get(0));
    }

    @Test
    void theSameSqlRunWhileItsResultsAreStillReadGetsAStatementOfItsOwn() throws SQLException {
        String owners = "SELECT owner FROM items ORDER BY id";
        List<String> pairs = jdbi.withHandle(handle -> SqliteStatementCache.withStatement(handle, owners, outer -> {
            List<String> found = new ArrayList<>();
            try (ResultSet outerRows = outer.executeQuery()) {
                while (outerRows.next()) {
                    String first = outerRows.getString(1);
                    SqliteStatementCache.withStatement(handle, owners, inner -> {
                        assertThat(inner).isNotSameAs(outer);
                        try (ResultSet innerRows = inner.executeQuery()) {
                            while (innerRows.next()) {
                                found.add(first + "-" + innerRows.getString(1));
                            }
                        }
                        return null;
                    });
                }
            }
            return found;
        }));
        assertThat(pairs).hasSize(9).startsWith("ann-ann", "ann-ann", "ann-bob").endsWith("bob-bob");
    }

    @Test
    void aCachedStatementHoldsNoSnapshotBetweenUses() throws SQLException {
        assertThat(countFor("ann")).isEqualTo(2);
        try (Connection other = DriverManager.getConnection(url); Statement statement = other.createStatement()) {
            statement.execute("INSERT INTO items (owner) VALUES ('ann')");
            // A reader still inside a snapshot would keep the checkpoint from finishing (busy = 1).
            try (ResultSet checkpoint = statement.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
                checkpoint.next();
                assertThat(checkpoint.getInt(1)).as("busy").isZero();
            }
        }
        assertThat(countFor("ann")).isEqualTo(3);
    }

    @Test
    void parametersDoNotCarryOverToTheNextUse() throws SQLException {
        String either = "SELECT count(*) FROM items WHERE owner = ? OR owner = ?";
        int both = jdbi.withHandle(handle -> handle.createQuery(either).bind(0, "ann").bind(1, "bob").mapTo(Integer.class).one());
        assertThat(both).isEqualTo(3);
        // Binding only the first would reuse "bob" if the previous values stayed bound: NULL matches nothing.
        int onlyFirst = jdbi.withHandle(handle -> SqliteStatementCache.withStatement(handle, either, statement -> {
            statement.setString(1, "ann");
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }));
        assertThat(onlyFirst).isEqualTo(2);
    }

    @Test
    void aConnectionThePoolHasClosedIsNotKeptByItsStatements() throws SQLException {
        SqliteStatementCache cache = new SqliteStatementCache();
        Jdbi direct = Jdbi.create(url);
        direct.setStatementBuilderFactory(cache);
        for (int i = 0; i < 3; i++) {
            // Each handle opens its own connection and closes it, as the pool does when it retires one.
            int count = direct.withHandle(handle -> handle.createQuery(COUNT).bind(0, "ann").mapTo(Integer.class).one());
            assertThat(count).isEqualTo(2);
        }
        // The statements refer to their connection, so weak keys alone would keep every retired
        // connection, and its statements, for good.
        assertThat(cache.connectionsHeld()).isEqualTo(1);
    }

    @Test
    void aStatementTheDriverFinalizedOnAnErrorReportsThatErrorAndIsPreparedAfresh() throws SQLException {
        String abs = "SELECT abs(?)";
        // abs() of the smallest long overflows: an error of the step that sqlite-jdbc answers by
        // finalizing the statement, while the statement still says it is open.
        assertThatThrownBy(() -> jdbi.useHandle(handle -> SqliteStatementCache.withStatement(handle, abs, statement -> {
            statement.setLong(1, Long.MIN_VALUE);
            try (ResultSet row = statement.executeQuery()) {
                return row.next();
            }
        }))).hasMessageContaining("integer overflow");
        long value = jdbi.withHandle(handle -> SqliteStatementCache.withStatement(handle, abs, statement -> {
            statement.setLong(1, -5);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }));
        assertThat(value).isEqualTo(5);
        assertThatThrownBy(() -> jdbi.useHandle(handle -> handle.createQuery(abs).bind(0, Long.MIN_VALUE).mapTo(Long.class).one()))
                .hasMessageContaining("integer overflow")
                .satisfies(failure -> assertThat(failure.getSuppressed()).isEmpty());
        long again = jdbi.withHandle(handle -> handle.createQuery(abs).bind(0, -7L).mapTo(Long.class).one());
        assertThat(again).isEqualTo(7);
    }

    private int countFor(String owner) {
        return jdbi.withHandle(handle -> handle.createQuery(COUNT).bind(0, owner).mapTo(Integer.class).one());
    }

    private static StatementCustomizer recordingInto(List<PreparedStatement> used) {
        return new StatementCustomizer() {
            @Override
            public void beforeExecution(PreparedStatement statement, StatementContext context) {
                used.add(statement);
            }
        };
    }
}
