package dev.gatehouse.store.jdbc;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checkpoints the embedded database's write-ahead log on a thread of its own, so that writers do
 * not wait for it.
 *
 * <p>By default SQLite checkpoints in the commit that takes the log past 1,000 pages: before that
 * commit returns, its thread copies them into the database file and fsyncs it. Here that thread is
 * the {@link GroupCommitWriter}'s leader, which holds the group-commit lock meanwhile, so every
 * writer queued behind it waits. The store's connections leave that to this thread instead
 * ({@link #WRITER_AUTOCHECKPOINT_PAGES}).
 * Once commits have come in, it waits {@code interval} for more and then copies what is committed
 * into the database file with a PASSIVE checkpoint, which runs beside the writer and waits for
 * nobody. That alone is not enough: SQLite starts the log again from its beginning only when a
 * writer finds it wholly copied, which, with one commit close behind the last, it never does (left
 * to PASSIVE checkpoints, the log grew to 700 MB in a minute of the write benchmark). So when the log
 * holds {@code restartPages} or more, this thread holds the writers off (through {@code exclusion})
 * for the moment a RESTART checkpoint needs to copy what was committed since, fsync, and let the next
 * writer start the log afresh; it waits at most {@link #READER_PATIENCE} for readers still on the log,
 * and if they outstay that, tries again once the log has grown by {@code restartPages} more. Reusing
 * the log's file is a gain of its own: an fsync that does not grow a file is cheaper.
 *
 * <p>Commits are as durable as before: each is in the log, fsynced, before it is acknowledged; a
 * checkpoint only copies committed pages. If this thread fails, or cannot restart the log because
 * readers stay on it, the writers' own checkpoint at {@link #WRITER_AUTOCHECKPOINT_PAGES} still
 * bounds it.
 */
final class WalCheckpointer implements AutoCloseable {

    /** How long after a commit the thread waits for more: a checkpoint costs two fsyncs, however little it copies. */
    static final Duration INTERVAL = Duration.ofMillis(50);
    /** 16 MB of 4 KB pages: long enough that RESTART's moment under the lock is rare, short enough to stay cached. */
    static final int RESTART_PAGES = 4_000;
    /** The store's connections' own checkpoint, a fallback for when this thread cannot keep the log short. */
    static final int WRITER_AUTOCHECKPOINT_PAGES = 4 * RESTART_PAGES;
    /**
     * How long a RESTART, holding the write lock, waits for readers to leave the log before it gives
     * up until the next round. Reads take well under a millisecond; this bounds the writers' wait.
     */
    static final Duration READER_PATIENCE = Duration.ofMillis(20);
    /** The thread's name, as thread dumps show it. */
    static final String THREAD_NAME = "gatehouse-wal-checkpointer";

    private static final Logger LOG = LoggerFactory.getLogger(WalCheckpointer.class);

    private final Handle handle;
    private final long handleBusyTimeoutMillis;
    private final Consumer<Runnable> exclusion;
    private final long intervalNanos;
    private final int restartPages;
    private long restartAtPages;
    private final AtomicBoolean committed = new AtomicBoolean();
    private final Thread thread;
    private volatile boolean closed;
    private boolean failing;

    /**
     * Starts the thread.
     *
     * @param handle a connection of its own, kept until {@link #close()}; its busy timeout is
     *     {@link #READER_PATIENCE} until then
     * @param exclusion runs its argument while no writer writes: {@link GroupCommitWriter#exclusively}
     */
    WalCheckpointer(Handle handle, Consumer<Runnable> exclusion, Duration interval, int restartPages) {
        this.handle = Objects.requireNonNull(handle, "handle");
        this.exclusion = Objects.requireNonNull(exclusion, "exclusion");
        this.intervalNanos = interval.toNanos();
        this.restartPages = restartPages;
        this.restartAtPages = restartPages;
        try {
            this.handleBusyTimeoutMillis = busyTimeoutMillis(handle);
            handle.execute("PRAGMA busy_timeout = " + READER_PATIENCE.toMillis());
            thread = new Thread(this::run, THREAD_NAME);
            thread.setDaemon(true);
            thread.start();
        } catch (RuntimeException | Error e) {
            handle.close();
            throw e;
        }
    }

    /** Called after each commit: a checkpoint follows within {@code interval} or so. Cheap, and never blocks. */
    void committed() {
        if (!committed.getAndSet(true)) {
            LockSupport.unpark(thread);
        }
    }

    private void run() {
        while (awaitCommits()) {
            pause();
            if (closed) {
                return;
            }
            try {
                checkpoint();
                failing = false;
            } catch (RuntimeException e) {
                // Logged once a streak: the thread carries on, and the writers' own checkpoint bounds the log.
                if (!failing) {
                    LOG.warn("Checkpointing the write-ahead log failed; retrying after the next commits", e);
                }
                failing = true;
            }
        }
    }

    /** Waits until something was committed since the last checkpoint began; false once closed. */
    private boolean awaitCommits() {
        while (!closed) {
            if (committed.getAndSet(false)) {
                return true;
            }
            LockSupport.park(this);
            // Nothing interrupts this thread; were it to, park would return at once, forever.
            Thread.interrupted();
        }
        return false;
    }

    private void pause() {
        long deadline = System.nanoTime() + intervalNanos;
        for (long left = intervalNanos; left > 0 && !closed; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(this, left);
            Thread.interrupted();
        }
    }

    private void checkpoint() {
        long pagesInLog = checkpoint("PASSIVE").pagesInLog();
        if (pagesInLog < restartAtPages - restartPages) {
            // Restarted meanwhile some other way (the connections' own checkpoint, another process's).
            restartAtPages = restartPages;
        }
        if (pagesInLog >= restartAtPages) {
            exclusion.accept(() -> {
                // A reader still on the log outwaited READER_PATIENCE: the next try waits until the
                // log has grown by as much again, so that such a reader holds writers back rarely.
                restartAtPages = checkpoint("RESTART").busy() ? pagesInLog + restartPages : restartPages;
            });
        }
    }

    private Outcome checkpoint(String mode) {
        // The row is (busy, pages in the log, pages checkpointed); busy when it could not finish.
        return handle.createQuery("PRAGMA wal_checkpoint(" + mode + ")")
                .map((row, context) -> new Outcome(row.getInt(1) != 0, row.getLong(2))).one();
    }

    private record Outcome(boolean busy, long pagesInLog) {
    }

    private static long busyTimeoutMillis(Handle handle) {
        return handle.createQuery("PRAGMA busy_timeout").mapTo(Long.class).one();
    }

    /**
     * Stops the thread, letting a checkpoint under way finish (none starts after this is called),
     * and gives its connection back with its busy timeout as it was. Calling it again does nothing.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        LockSupport.unpark(thread);
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        try {
            handle.execute("PRAGMA busy_timeout = " + handleBusyTimeoutMillis);
        } finally {
            handle.close();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
