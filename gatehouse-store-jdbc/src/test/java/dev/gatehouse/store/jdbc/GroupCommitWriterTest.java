package dev.gatehouse.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.error.NoSuchEntityException;
import dev.gatehouse.core.store.StoreSession;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Group commit on a real SQLite file with the store's settings: units queued together share one
 * transaction, each in its own savepoint; a failing unit leaves no trace and harms no other; a
 * failed commit acknowledges no one; a caller alone commits on its own thread.
 */
class GroupCommitWriterTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path directory;

    private String url;
    private GroupCommitWriter writer;
    /** Groups the writer says it committed. */
    private final AtomicInteger commits = new AtomicInteger();
    private final ExecutorService callers = Executors.newCachedThreadPool();

    @BeforeEach
    void openDatabase() {
        url = "jdbc:sqlite:" + directory.resolve("group.db")
                + "?journal_mode=WAL&synchronous=FULL&foreign_keys=true&transaction_mode=IMMEDIATE";
        Jdbi jdbi = Jdbi.create(url);
        jdbi.useHandle(handle -> {
            handle.execute("CREATE TABLE parents (id TEXT PRIMARY KEY)");
            handle.execute("CREATE TABLE rows (id TEXT PRIMARY KEY, parent TEXT REFERENCES parents (id))");
        });
        writer = new GroupCommitWriter(jdbi, commits::incrementAndGet);
    }

    @AfterEach
    void close() {
        writer.close();
        callers.shutdownNow();
    }

    @Test
    void concurrentWritersAreAllCommitted() throws Exception {
        List<Future<?>> done = new ArrayList<>();
        for (int thread = 0; thread < 8; thread++) {
            int base = thread * 1000;
            done.add(callers.submit(() -> {
                for (int i = 0; i < 50; i++) {
                    writer.write(insert("row-" + (base + i)));
                }
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        }

        assertThat(committedRows()).hasSize(400);
    }

    @Test
    void unitsQueuedWhileAGroupRunsJoinItAndNobodyElseSeesThemBeforeItsCommit() throws Exception {
        CountDownLatch release = holdTheWriter();
        List<Future<List<Integer>>> group = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String id = "row-" + i;
            group.add(callers.submit(() -> writer.write(session -> {
                insert(id).apply(session);
                // What this unit sees inside the group's transaction, and what a reader outside sees.
                return List.of(count(session), committedRows().size());
            })));
        }
        awaitQueued(20);
        release.countDown();

        List<Integer> inside = new ArrayList<>();
        for (Future<List<Integer>> unit : group) {
            List<Integer> seen = unit.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            inside.add(seen.get(0));
            // Not even the held unit's row: they joined its group.
            assertThat(seen.get(1)).as("rows of the group committed while it ran").isZero();
        }
        // Each unit saw the ones before it: one transaction, in queue order. (The count leaves the
        // held unit's row out.)
        assertThat(inside).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 20).boxed().toList());
        assertThat(committedRows()).hasSize(21);
        assertThat(commits.get()).as("groups committed").isEqualTo(1);
    }

    @Test
    void aGroupTakesNoMoreThanTheMaximumAndTheRestCommitInTheNext() throws Exception {
        CountDownLatch release = holdTheWriter();
        int units = GroupCommitWriter.MAXIMUM_GROUP + 44;
        List<Future<Integer>> seen = new ArrayList<>();
        for (int i = 0; i < units; i++) {
            String id = "row-" + i;
            // What each unit sees committed when it runs: nothing in the held unit's group.
            seen.add(callers.submit(() -> writer.write(session -> {
                insert(id).apply(session);
                return committedRows().size();
            })));
        }
        awaitQueued(units);
        release.countDown();

        List<Integer> committedBefore = new ArrayList<>();
        for (Future<Integer> unit : seen) {
            committedBefore.add(unit.get(PATIENCE.toSeconds(), TimeUnit.SECONDS));
        }
        // The held unit and 255 more make the first group; the other 45 see all 256 committed.
        int firstGroup = GroupCommitWriter.MAXIMUM_GROUP;
        assertThat(committedBefore).filteredOn(count -> count == 0).hasSize(firstGroup - 1);
        assertThat(committedBefore).filteredOn(count -> count == firstGroup).hasSize(units - (firstGroup - 1));
        assertThat(committedRows()).hasSize(units + 1);
    }

    @Test
    void aFailingUnitLeavesNoTraceAndTheRestOfItsGroupIsCommitted() throws Exception {
        CountDownLatch release = holdTheWriter();
        Future<String> first = callers.submit(() -> writer.write(insert("first")));
        awaitQueued(1);
        Future<String> refused = callers.submit(() -> writer.write(session -> {
            insert("refused").apply(session);
            throw new NoSuchEntityException("refused after writing");
        }));
        awaitQueued(2);
        Future<String> duplicate = callers.submit(() -> writer.write(session -> {
            insert("half-of-duplicate").apply(session);
            return insert("first").apply(session);
        }));
        awaitQueued(3);
        Future<String> last = callers.submit(() -> writer.write(insert("last")));
        awaitQueued(4);
        release.countDown();

        assertThat(first.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(last.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isEqualTo("last");
        assertThatThrownBy(() -> refused.get(PATIENCE.toSeconds(), TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(NoSuchEntityException.class);
        assertThatThrownBy(() -> duplicate.get(PATIENCE.toSeconds(), TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(UnableToExecuteStatementException.class);
        assertThat(committedRows()).containsExactlyInAnyOrder("first", "last", "held");
    }

    @Test
    void whenTheCommitFailsNoUnitOfTheGroupIsAcknowledgedOrWritten() throws Exception {
        CountDownLatch release = holdTheWriter();
        Future<String> innocent = callers.submit(() -> writer.write(insert("innocent")));
        awaitQueued(1);
        // A deferred foreign key is checked at COMMIT, so this unit passes and the commit fails.
        Future<String> orphan = callers.submit(() -> writer.write(session -> {
            handle(session).execute("PRAGMA defer_foreign_keys = ON");
            handle(session).execute("INSERT INTO rows (id, parent) VALUES ('orphan', 'missing')");
            return "orphan";
        }));
        awaitQueued(2);
        release.countDown();

        for (Future<String> unit : List.of(innocent, orphan)) {
            assertThatThrownBy(() -> unit.get(PATIENCE.toSeconds(), TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).cause().hasStackTraceContaining("FOREIGN KEY");
        }
        // The held unit's too: the others queued while it ran, so they joined its group.
        assertThat(committedRows()).isEmpty();
        assertThat(commits.get()).as("groups committed").isZero();
        // The writer carries on.
        assertThat(writer.write(insert("after"))).isEqualTo("after");
    }

    @Test
    void aLoneCallerCommitsOnItsOwnThread() {
        Thread caller = Thread.currentThread();
        Thread committer = writer.write(session -> Thread.currentThread());

        assertThat(committer).isSameAs(caller);
        assertThat(committedRows()).isEmpty();
        assertThat(writer.write(insert("mine"))).isEqualTo("mine");
        assertThat(committedRows()).containsExactly("mine");
    }

    @Test
    void aCallerInterruptedWhileItsUnitWaitsGetsItsResultAndKeepsTheInterrupt() throws Exception {
        CountDownLatch release = holdTheWriter();
        Future<List<Boolean>> interrupted = callers.submit(() -> {
            Thread.currentThread().interrupt();
            String id = writer.write(insert("interrupted"));
            return List.of(id.equals("interrupted"), Thread.currentThread().isInterrupted());
        });
        awaitQueued(1);
        release.countDown();

        assertThat(interrupted.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).containsExactly(true, true);
        assertThat(committedRows()).containsExactlyInAnyOrder("held", "interrupted");
    }

    @Test
    void anInterruptedCallerLeadsWithoutItsInterruptAndGetsItBack() {
        Thread.currentThread().interrupt();
        try {
            boolean interruptedWhileCommitting = writer.write(session -> {
                insert("led").apply(session);
                return Thread.currentThread().isInterrupted();
            });

            assertThat(interruptedWhileCommitting).as("the interrupt carried into the commit").isFalse();
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(committedRows()).containsExactly("led");
    }

    @Test
    void aUnitCannotStartAnotherOne() {
        assertThatThrownBy(() -> writer.write(session -> writer.write(insert("nested"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("wait for itself");
        assertThat(committedRows()).isEmpty();
    }

    @Test
    void afterCloseWritesAreRefused() throws Exception {
        writer.write(insert("before"));
        writer.close();

        assertThatThrownBy(() -> writer.write(insert("after"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThat(committedRows()).containsExactly("before");
    }

    @Test
    void exclusiveWorkWaitsForTheGroupUnderWayAndLaterGroupsWaitForIt() throws Exception {
        CountDownLatch release = holdTheWriter();
        CountDownLatch exclusiveRunning = new CountDownLatch(1);
        CountDownLatch exclusiveRelease = new CountDownLatch(1);
        Future<?> exclusive = callers.submit(() -> writer.exclusively(() -> {
            exclusiveRunning.countDown();
            try {
                exclusiveRelease.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(exclusiveRunning.await(200, TimeUnit.MILLISECONDS)).as("ran beside the group").isFalse();

        release.countDown();
        assertThat(exclusiveRunning.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        // The held group was committed before it ran.
        assertThat(committedRows()).containsExactly("held");
        Future<String> later = callers.submit(() -> writer.write(insert("later")));
        awaitQueued(1);
        assertThat(later).as("written beside the exclusive work").isNotDone();
        assertThat(committedRows()).containsExactly("held");

        exclusiveRelease.countDown();
        exclusive.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        // Woken when the exclusive work was done, although it found the lock taken and waited.
        assertThat(later.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isEqualTo("later");
        assertThat(committedRows()).containsExactlyInAnyOrder("held", "later");
    }

    @Test
    void exclusiveWorkCannotWriteThroughTheWriter() {
        assertThatThrownBy(() -> writer.exclusively(() -> writer.write(insert("inside"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("wait for itself");
        assertThat(writer.write(insert("after"))).isEqualTo("after");
    }

    /** Occupies the writer with a unit that waits for the latch; the units queued meanwhile join its group. */
    private CountDownLatch holdTheWriter() throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        callers.submit(() -> writer.write(session -> {
            insert("held").apply(session);
            running.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        assertThat(running.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        return release;
    }

    private void awaitQueued(int units) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (writer.queued() < units) {
            assertThat(System.nanoTime()).as("units queued in time").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    private static Function<StoreSession, String> insert(String id) {
        return session -> {
            handle(session).execute("INSERT INTO rows (id) VALUES (?)", id);
            return id;
        };
    }

    private static int count(StoreSession session) {
        return handle(session).createQuery("SELECT COUNT(*) FROM rows WHERE id <> 'held'").mapTo(Integer.class).one();
    }

    private static Handle handle(StoreSession session) {
        return ((JdbcSession) session).handle();
    }

    /** The rows a separate connection sees: what is committed. */
    private List<String> committedRows() {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT id FROM rows")) {
            List<String> ids = new ArrayList<>();
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
