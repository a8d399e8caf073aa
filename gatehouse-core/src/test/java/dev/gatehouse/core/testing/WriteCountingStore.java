package dev.gatehouse.core.testing;

import dev.gatehouse.core.store.Store;
import dev.gatehouse.core.store.StoreSession;
import java.util.function.Function;

/**
 * A store that counts its write transactions, each of which is one durable commit on a real store:
 * for tests of how many commits a piece of work takes. Reads are not counted.
 */
public final class WriteCountingStore implements Store {

    private final Store store;
    private int writes;

    public WriteCountingStore(Store store) {
        this.store = store;
    }

    @Override
    public synchronized <T> T inTransaction(Function<StoreSession, T> work) {
        writes++;
        return store.inTransaction(work);
    }

    @Override
    public <T> T read(Function<StoreSession, T> work) {
        return store.read(work);
    }

    /** The write transactions so far. */
    public synchronized int writes() {
        return writes;
    }
}
