package dev.gatehouse.store.jdbc;

import dev.gatehouse.core.store.StoreSession;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The one writer of a SQLite database in this process, committing in groups.
 *
 * <p>SQLite takes one writer at a time and, with {@code synchronous=FULL}, pays an fsync for every
 * commit. Callers therefore queue their units of work, and one of them at a time, the leader, takes
 * every unit queued, and those queued while it runs them, runs each inside its own SAVEPOINT of one
 * transaction, commits once (one fsync for the whole group) and only then answers the callers. A
 * unit that fails is rolled back to its savepoint, so it leaves no trace and the others in the group
 * are unaffected. A unit whose work returned is acknowledged only after the commit that holds it is
 * on disk; if that commit fails, every unit of the group fails and nothing of it was written.
 *
 * <p>Groups form by themselves: callers that queue while a leader runs its group's units join that
 * group; those that queue while it commits wait, and when it is done it wakes the first of them to
 * lead the next group. A lone caller commits its own unit on its own thread, with no hand-over to
 * another thread and back: that hand-over was two thread wake-ups per commit, a millisecond of a
 * console sign-in's two commits on two cores. A busy server commits about as many units per fsync as
 * it has callers waiting. A leader wakes its group's callers only once it has released the lock, so
 * that their wake-ups do not hold back the next group. Units run on the leader's thread: log lines
 * printed while they run carry the leader's request ID.
 */
final class GroupCommitWriter implements AutoCloseable {

    /** Bounds the time a group holds the write lock, and what one failed commit takes down with it. */
    static final int MAXIMUM_GROUP = 256;

    private final Jdbi jdbi;
    private final Runnable afterCommit;
    private final Queue<Unit<?>> queue = new ConcurrentLinkedQueue<>();
    /** Held by the leader while it commits a group; only a caller with a unit queued takes it. */
    private final ReentrantLock leading = new ReentrantLock();
    private volatile boolean closed;

    /**
     * @param afterCommit told of every group committed, with the lock held: it must be quick, must
     *     not write and must not throw (its callers are already acknowledged)
     */
    GroupCommitWriter(Jdbi jdbi, Runnable afterCommit) {
        this.jdbi = jdbi;
        this.afterCommit = afterCommit;
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
        if (leading.isHeldByCurrentThread()) {
            throw new IllegalStateException("a unit of work cannot start another one: it would wait for itself");
        }
        Unit<T> unit = new Unit<>(work, Thread.currentThread());
        if (closed) {
            throw closedFailure();
        }
        queue.add(unit);
        // close() may have committed the queue between the check and the add: then nobody would run it.
        if (closed && queue.remove(unit)) {
            throw closedFailure();
        }
        boolean interrupted = false;
        while (!unit.isDone()) {
            // A leader commits other callers' work too: it must not carry an interrupt into the
            // pool's connection wait, which would fail the whole group. Kept, and restored below.
            interrupted |= Thread.interrupted();
            if (!unit.isSettled() && leading.tryLock()) {
                lead(unit);
            } else {
                // Woken when a leader has finished this unit, or when it is this caller's turn to lead.
                LockSupport.park(this);
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return unit.outcome();
    }

    /**
     * With the lock held: commits groups until {@code own} is settled; then, with the lock released,
     * answers every caller whose unit it settled and wakes the next leader. Whatever escapes (even an
     * error thrown while failing a group) leaves no drained unit unsettled and no caller waiting.
     */
    private void lead(Unit<?> own) {
        List<Unit<?>> drained = new ArrayList<>();
        try {
            try {
                commitWhile(() -> !own.isSettled(), drained);
            } finally {
                leading.unlock();
            }
        } finally {
            drained.forEach(Unit::finish);
            wakeNextLeader();
        }
    }

    /**
     * With the lock held: commits the queue group by group while {@code more} holds and units are
     * queued. Every unit taken from the queue is in {@code drained} and settled when this returns,
     * even if something escapes (an error thrown while failing a group, say): then it fails them.
     */
    private void commitWhile(BooleanSupplier more, List<Unit<?>> drained) {
        try {
            while (more.getAsBoolean()) {
                List<Unit<?>> group = new ArrayList<>();
                if (!takeQueued(group, drained)) {
                    return;
                }
                commit(group, drained);
            }
        } catch (Throwable escaped) {
            drained.stream().filter(unit -> !unit.isSettled()).forEach(unit -> unit.failWith(escaped));
            throw escaped;
        }
    }

    /** Units waiting for a group; for tests that need a group of a known size. */
    int queued() {
        return queue.size();
    }

    /**
     * Wakes the caller of the oldest unit still queued, if any: it arrived while this leader held the
     * lock and found it taken, so it waits to be told to lead. A caller that arrives after this look
     * finds the lock free and leads by itself.
     */
    private void wakeNextLeader() {
        Unit<?> next = queue.peek();
        if (next != null) {
            LockSupport.unpark(next.caller);
        }
    }

    /**
     * Moves units from the queue into {@code group} until the queue is empty or the group has
     * {@link #MAXIMUM_GROUP}; each goes into {@code drained} first, so that nothing taken is ever
     * forgotten. Returns whether it took any.
     */
    private boolean takeQueued(List<Unit<?>> group, List<Unit<?>> drained) {
        int before = group.size();
        for (Unit<?> unit; group.size() < MAXIMUM_GROUP && (unit = queue.poll()) != null; ) {
            drained.add(unit);
            group.add(unit);
        }
        return group.size() > before;
    }

    /**
     * Runs the group's units, each in its savepoint of one transaction, and commits them. Units
     * queued while they run join the group, up to {@link #MAXIMUM_GROUP}: they share its commit
     * instead of waiting for it and then paying for one of their own.
     */
    private void commit(List<Unit<?>> group, List<Unit<?>> drained) {
        try (Handle handle = jdbi.open()) {
            // Jdbi's default handler runs this once; a retrying one would run units twice.
            handle.useTransaction(transaction -> {
                JdbcSession session = new JdbcSession(transaction, Database.SQLITE);
                Connection connection = transaction.getConnection();
                for (int next = 0; next < group.size() || takeQueued(group, drained); next++) {
                    group.get(next).runIn(session, connection);
                }
            });
        } catch (Throwable e) {
            // Not committed: no unit taken for this group may be acknowledged (those of earlier
            // groups are settled already). The next group is tried afresh, so that later callers
            // are not failed for this one.
            Throwable failure = e instanceof RuntimeException || e instanceof Error ? e
                    : new IllegalStateException("the group could not be committed", e);
            drained.stream().filter(unit -> !unit.isSettled()).forEach(unit -> unit.failWith(failure));
            return;
        }
        group.forEach(Unit::acknowledge);
        afterCommit.run();
    }

    /**
     * Runs {@code work} while no group is being committed: it waits for the group under way, and
     * later groups wait for it. For maintenance that must not overlap a write, such as restarting
     * the write-ahead log; {@code work} must not write through this writer.
     */
    void exclusively(Runnable work) {
        leading.lock();
        try {
            work.run();
        } finally {
            leading.unlock();
            // Callers that queued meanwhile found the lock taken and wait to be told to lead.
            wakeNextLeader();
        }
    }

    /** Commits what is queued, waiting for a group being committed; later writes are refused. */
    @Override
    public void close() {
        closed = true;
        List<Unit<?>> drained = new ArrayList<>();
        leading.lock();
        try {
            commitWhile(() -> true, drained);
        } finally {
            leading.unlock();
            drained.forEach(Unit::finish);
        }
    }

    private static IllegalStateException closedFailure() {
        return new IllegalStateException("the store is closed");
    }

    /** One caller's work, and what becomes of it. */
    private static final class Unit<T> {

        private final Function<StoreSession, T> work;
        private final Thread caller;
        private T result;
        private Throwable failure;
        /** Set, under the lock, once the unit's outcome is decided: committed, or failed. */
        private volatile boolean settled;
        /** Set after settled, with the lock released, when the caller may take the outcome. */
        private volatile boolean done;

        Unit(Function<StoreSession, T> work, Thread caller) {
            this.work = work;
            this.caller = caller;
        }

        boolean isSettled() {
            return settled;
        }

        boolean isDone() {
            return done;
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

        /** The group was committed: the work's result, or its own failure (its writes rolled back). */
        void acknowledge() {
            settled = true;
        }

        /** The group was not committed: the unit's own failure if it had one, else the commit's. */
        void failWith(Throwable commitFailure) {
            if (failure == null) {
                failure = commitFailure;
            }
            result = null;
            settled = true;
        }

        /** Lets the caller take the settled outcome, waking it unless it is the leader itself. */
        void finish() {
            done = true;
            if (caller != Thread.currentThread()) {
                LockSupport.unpark(caller);
            }
        }

        /** What the caller gets once the unit is done. */
        T outcome() {
            if (failure == null) {
                return result;
            }
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(failure);
        }
    }
}
