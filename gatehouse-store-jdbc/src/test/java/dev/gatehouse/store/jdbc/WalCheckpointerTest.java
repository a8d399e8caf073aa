package dev.gatehouse.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.result.ResultIterator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConnection;

/**
 * The checkpointer on a real SQLite file whose connections never checkpoint by themselves, behind
 * the group-commit writer: it keeps the log short while writers write, restarts the log only with
 * the writers held off, carries on after a failure, and stops when closed.
 */
class WalCheckpointerTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Duration INTERVAL = Duration.ofMillis(5);
    private static final int RESTART_PAGES = 100;
    /** A row fills most of a 4 KB page, so every row adds at least a page to the log. */
    private static final int ROW_BYTES = 3_000;
    /** Rows written once restarts can work again: a log that did not restart would grow by at least as many pages. */
    private static final int AFTERWARDS = 1_500;

    @TempDir
    Path directory;

    private Path log;
    private HikariDataSource dataSource;
    private Jdbi jdbi;
    private GroupCommitWriter writer;
    private WalCheckpointer checkpointer;
    private final ExecutorService callers = Executors.newCachedThreadPool();

    @BeforeEach
    void openDatabase() {
        Path database = directory.resolve("checkpointed.db");
        log = directory.resolve("checkpointed.db-wal");
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:sqlite:" + database);
        config.addDataSourceProperty("journal_mode", "WAL");
        config.addDataSourceProperty("synchronous", "FULL");
        config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
        // Only the checkpointer copies the log back: what keeps it short is what is under test.
        config.setConnectionInitSql("PRAGMA wal_autocheckpoint = 0");
        config.setMaximumPoolSize(4);
        dataSource = new HikariDataSource(config);
        jdbi = Jdbi.create(dataSource);
        jdbi.useHandle(handle -> handle.execute("CREATE TABLE rows (id INTEGER PRIMARY KEY, body BLOB NOT NULL)"));
    }

    @AfterEach
    void close() {
        callers.shutdownNow();
        if (writer != null) {
            writer.close();
        }
        if (checkpointer != null) {
            checkpointer.close();
        }
        dataSource.close();
    }

    @Test
    void keepsTheLogShortWhileWritersWrite() throws Exception {
        AtomicInteger restarts = new AtomicInteger();
        start(work -> writer.exclusively(() -> {
            work.run();
            restarts.incrementAndGet();
        }));
        AtomicLong longestLog = new AtomicLong();
        int rows = writeRows(4, 750, () -> {
            longestLog.accumulateAndGet(logBytes(), Math::max);
        });

        assertThat(rows).isEqualTo(3_000);
        assertThat(committedRows()).isEqualTo(3_000);
        // 3,000 rows of a page each: left to grow, the log would hold at least 3,000 pages. How far
        // past RESTART_PAGES it gets depends on how many pages the writers add during a round
        // (seen: up to 610), hence the margin.
        assertThat(longestLog.get()).as("the longest the log got, in bytes").isPositive()
                .isLessThan(pages(15 * RESTART_PAGES));
        assertThat(restarts.get()).as("restarts of the log, each with the writers held off").isGreaterThanOrEqualTo(3);
    }

    @Test
    void aReaderOnTheLogDelaysItsRestartWithoutHoldingWritersBack() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        AtomicLong longestHoldNanos = new AtomicLong();
        start(work -> {
            attempts.incrementAndGet();
            long started = System.nanoTime();
            writer.exclusively(work);
            longestHoldNanos.accumulateAndGet(System.nanoTime() - started, Math::max);
        });
        writeRows(1, 20);
        try (Handle reader = jdbi.open();
                ResultIterator<Long> reading = reader.createQuery("SELECT id FROM rows").mapTo(Long.class).iterator()) {
            // A query part read holds its snapshot, in the log: no RESTART can complete while it lasts.
            assertThat(reading.next()).isNotNull();
            attempts.set(0);
            writeRows(1, 3 * RESTART_PAGES);

            // Each attempt held the writers off for the readers' patience and a copy, not for the
            // reader, which outlasted them all (without the patience: SQLite's 3 s busy timeout).
            assertThat(Duration.ofNanos(longestHoldNanos.get())).isPositive().isLessThan(Duration.ofSeconds(1));
            assertThat(logBytes()).isGreaterThanOrEqualTo(pages(3 * RESTART_PAGES));
            // And tried again only once the log had grown by another RESTART_PAGES, not every round.
            assertThat(attempts.get()).as("restart attempts").isPositive()
                    .isLessThanOrEqualTo((int) (logBytes() / pages(RESTART_PAGES)) + 1);
        }
        long grown = logBytes();
        writeRows(1, AFTERWARDS);

        // With the reader gone the log restarted: its file is reused, not grown by as many pages as rows.
        assertThat(logBytes()).isLessThan(grown + pages(AFTERWARDS / 2));
        assertThat(committedRows()).isEqualTo(20 + 3 * RESTART_PAGES + AFTERWARDS);
    }

    @Test
    void carriesOnAfterAFailedCheckpoint() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        AtomicBoolean broken = new AtomicBoolean(true);
        start(work -> {
            attempts.incrementAndGet();
            if (broken.get()) {
                throw new IllegalStateException("the restart failed");
            }
            writer.exclusively(work);
        });
        // Rounds come after commits: write until the failed restart has been tried again.
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (attempts.get() < 2) {
            assertThat(System.nanoTime()).as("a second restart attempt in time").isLessThan(deadline);
            writeRows(1, 10);
        }
        int failedRows = committedRows();

        broken.set(false);
        long grown = logBytes();
        writeRows(1, AFTERWARDS);

        assertThat(logBytes()).isLessThan(grown + pages(AFTERWARDS / 2));
        assertThat(committedRows()).isEqualTo(failedRows + AFTERWARDS);
    }

    @Test
    void closeStopsTheThreadAndHandsTheConnectionBackAsItWas() throws Exception {
        Handle handle = jdbi.open();
        SQLiteConnection connection = handle.getConnection().unwrap(SQLiteConnection.class);
        long busyTimeout = busyTimeout(connection);
        long threadsBefore = checkpointerThreads();
        checkpointer = new WalCheckpointer(handle, Runnable::run, INTERVAL, RESTART_PAGES);
        assertThat(busyTimeout(connection)).isEqualTo(WalCheckpointer.READER_PATIENCE.toMillis());
        assertThat(checkpointerThreads()).isEqualTo(threadsBefore + 1);

        WalCheckpointer closing = checkpointer;
        checkpointer = null;
        closing.close();

        assertThat(checkpointerThreads()).isEqualTo(threadsBefore);
        assertThat(handle.isClosed()).isTrue();
        closing.close();
        // Back in the pool, open, with the busy timeout it came with.
        assertThat(connection.isClosed()).isFalse();
        assertThat(busyTimeout(connection)).isEqualTo(busyTimeout).isNotEqualTo(WalCheckpointer.READER_PATIENCE.toMillis());
    }

    private void start(Consumer<Runnable> exclusion) {
        checkpointer = new WalCheckpointer(jdbi.open(), exclusion, INTERVAL, RESTART_PAGES);
        writer = new GroupCommitWriter(jdbi, checkpointer::committed);
    }

    private int writeRows(int threads, int perThread) throws Exception {
        return writeRows(threads, perThread, () -> { });
    }

    /**
     * Writes {@code perThread} rows on each of {@code threads} threads, one unit of work a row,
     * running {@code eachUnit} inside every unit; returns the rows written.
     */
    private int writeRows(int threads, int perThread, Runnable eachUnit) throws Exception {
        List<Future<Integer>> done = new ArrayList<>();
        for (int thread = 0; thread < threads; thread++) {
            done.add(callers.submit(() -> {
                int written = 0;
                for (int i = 0; i < perThread; i++) {
                    byte[] body = new byte[ROW_BYTES];
                    ThreadLocalRandom.current().nextBytes(body);
                    written += writer.write(session -> {
                        ((JdbcSession) session).handle().execute("INSERT INTO rows (body) VALUES (?)", (Object) body);
                        eachUnit.run();
                        return 1;
                    });
                }
                return written;
            }));
        }
        int written = 0;
        for (Future<Integer> future : done) {
            written += future.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        }
        return written;
    }

    private int committedRows() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM rows").mapTo(Integer.class).one());
    }

    private long logBytes() {
        try {
            return Files.exists(log) ? Files.size(log) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes of that many pages in the log: each frame is a 4 KB page and a 24-byte header. */
    private static long pages(int pages) {
        return pages * (4096L + 24);
    }

    private static long busyTimeout(SQLiteConnection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("PRAGMA busy_timeout")) {
            result.next();
            return result.getLong(1);
        }
    }

    /** Checkpointer threads alive in this JVM. */
    static long checkpointerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals(WalCheckpointer.THREAD_NAME)).count();
    }
}
