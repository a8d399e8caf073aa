package dev.gatehouse.store.jdbc;

import dev.gatehouse.core.store.StoreSession;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The one writer of a SQLite database in this process, committing in groups.
 *
 * <p>SQLite takes one writer at a time and, with {@code synchronous=FULL}, pays an fsync for every
 * commit. Callers therefore hand their units of work to one thread, which takes every unit queued
 * at that moment, runs each inside its own SAVEPOINT of one transaction, commits once (one fsync for
 * the whole group) and only then answers the callers. A unit that fails is rolled back to its
 * savepoint, so it leaves no trace and the others in the group are unaffected. A unit whose work
 * returned is acknowledged only after the commit that holds it is on disk; if that commit fails,
 * every unit of the group fails and nothing of it was written.
 *
 * <p>Groups form by themselves: while one commits, the next callers queue, so a lone caller waits
 * for no one and a busy server commits hundreds of units per fsync.
 */
final class GroupCommitWriter implements AutoCloseable {

    /** Bounds the time a group holds the write lock, and what one failed commit takes down with it. */
    static final int MAXIMUM_GROUP = 256;

    private final Jdbi jdbi;
    private final BlockingQueue<Unit<?>> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closed;

    GroupCommitWriter(Jdbi jdbi, String name) {
        this.jdbi = jdbi;
        this.thread = new Thread(this::run, name);
        // A group not yet committed when the JVM exits was never acknowledged, so nothing is lost
        // by not waiting for it.
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /**
     * Runs {@code work} in the next group and returns its result once the group is committed.
     *
     * @throws RuntimeException what the work threw (its writes rolled back), or what the commit
     *     threw (nothing of the group written)
     * @throws IllegalStateException when called from a unit of work, which would wait for itself,
     *     or after {@link #close()}
     */
    <T> T write(Function<StoreSession, T> work) {
        if (Thread.currentThread() == thread) {
            throw new IllegalStateException("a unit of work cannot start another one: it would wait for itself");
        }
        Unit<T> unit = new Unit<>(work);
        if (closed) {
            throw closedFailure();
        }
        queue.add(unit);
        // close() may have drained the queue between the check and the add: then nobody will run it.
        if (closed && queue.remove(unit)) {
            throw closedFailure();
        }
        try {
            return unit.outcome.join();
        } catch (CompletionException e) {
            throw unwrap(e.getCause());
        }
    }

    /** Units waiting for the next group; for tests that need a group of a known size. */
    int queued() {
        return queue.size();
    }

    private void run() {
        List<Unit<?>> group = new ArrayList<>(MAXIMUM_GROUP);
        boolean stopping = false;
        while (!stopping) {
            try {
                group.add(queue.take());
            } catch (InterruptedException e) {
                break;
            }
            queue.drainTo(group, MAXIMUM_GROUP - 1);
            int stop = group.indexOf(Unit.STOP);
            stopping = stop >= 0;
            commit(stopping ? group.subList(0, stop) : group);
            if (stopping) {
                // Queued behind the stop by a caller that raced close(): refused like the rest below.
                group.subList(stop + 1, group.size()).forEach(unit -> unit.outcome.completeExceptionally(closedFailure()));
            }
            group.clear();
        }
        // Whatever raced past close(): refuse it rather than leave its caller waiting forever.
        for (Unit<?> unit = queue.poll(); unit != null; unit = queue.poll()) {
            unit.outcome.completeExceptionally(closedFailure());
        }
    }

    private void commit(List<Unit<?>> units) {
        if (units.isEmpty()) {
            return;
        }
        try (Handle handle = jdbi.open()) {
            handle.useTransaction(transaction -> {
                JdbcSession session = new JdbcSession(transaction);
                Connection connection = transaction.getConnection();
                for (Unit<?> unit : units) {
                    unit.runIn(session, connection);
                }
            });
        } catch (Throwable e) {
            // Not committed: no unit of this group may be acknowledged. The thread carries on, so
            // that the next callers are not left waiting for a writer that is gone.
            Throwable failure = e instanceof RuntimeException || e instanceof Error ? e
                    : new IllegalStateException("the group could not be committed", e);
            units.forEach(unit -> unit.failWith(failure));
            return;
        }
        units.forEach(Unit::acknowledge);
    }

    /** Commits what is queued, then stops the writer thread; later writes are refused. */
    @Override
    public void close() {
        closed = true;
        queue.add(Unit.STOP);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static IllegalStateException closedFailure() {
        return new IllegalStateException("the store is closed");
    }

    private static RuntimeException unwrap(Throwable failure) {
        if (failure instanceof RuntimeException runtime) {
            return runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(failure);
    }

    /** One caller's work, and what becomes of it. */
    private static final class Unit<T> {

        static final Unit<Void> STOP = new Unit<>(session -> null);

        private final Function<StoreSession, T> work;
        private final CompletableFuture<T> outcome = new CompletableFuture<>();
        private T result;
        private Throwable failure;

        Unit(Function<StoreSession, T> work) {
            this.work = work;
        }

        /**
         * Runs the work inside a savepoint of the group's transaction. Only a failure to roll
         * back to the savepoint escapes, because the transaction is then in an unknown state
         * and must not be committed.
         */
        void runIn(JdbcSession session, Connection connection) throws SQLException {
            Savepoint savepoint = connection.setSavepoint();
            try {
                result = work.apply(session);
            } catch (RuntimeException | Error e) {
                failure = e;
                connection.rollback(savepoint);
            }
            connection.releaseSavepoint(savepoint);
        }

        void acknowledge() {
            if (failure != null) {
                outcome.completeExceptionally(failure);
            } else {
                outcome.complete(result);
            }
        }

        /** The group was not committed: the unit's own failure if it had one, else the commit's. */
        void failWith(Throwable commitFailure) {
            outcome.completeExceptionally(failure != null ? failure : commitFailure);
        }
    }
}
