package dev.gatehouse.core.store;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Where the domain keeps its state. Every unit of work runs in one transaction: all of it is
 * written, or none. Implementations turn storage failures into
 * {@link dev.gatehouse.core.error.ServiceFailureException} and keep the details in their log;
 * domain exceptions thrown by the work roll it back and pass through unchanged.
 */
public interface Store {

    /** Runs {@code work} in a read-write transaction and commits it if it returns normally. */
    <T> T inTransaction(Function<StoreSession, T> work);

    /** Runs {@code work} where it only reads; implementations may skip the write lock. */
    default <T> T read(Function<StoreSession, T> work) {
        return inTransaction(work);
    }

    /**
     * Runs {@code work}, which only reads, so that all its {@link #read}s on this thread share one
     * session: a request that reads several times pays for one connection. Each statement sees what
     * is committed when it runs, as in separate reads. Implementations refuse a
     * {@link #inTransaction} inside it with {@link IllegalStateException}, so that work holding one
     * connection never waits for a second.
     */
    default <T> T readingTogether(Supplier<T> work) {
        return work.get();
    }
}
