package dev.gatehouse.cli;

import dev.gatehouse.core.IdentityServices;
import dev.gatehouse.core.crypto.MasterKeySource;
import dev.gatehouse.store.jdbc.JdbcStore;
import java.nio.file.Path;
import java.util.Objects;

/** An open store with its key source and the domain services over it; closing it releases the pool. */
public record Storage(Path dataDirectory, MasterKeySource keySource, JdbcStore store, IdentityServices services)
        implements AutoCloseable {

    public Storage {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(keySource, "keySource");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(services, "services");
    }

    @Override
    public void close() {
        store.close();
    }
}
