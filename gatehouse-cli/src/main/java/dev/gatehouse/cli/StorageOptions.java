package dev.gatehouse.cli;

import dev.gatehouse.core.IdentityServices;
import dev.gatehouse.core.crypto.KeyRing;
import dev.gatehouse.core.crypto.MasterKeySource;
import dev.gatehouse.core.error.ServiceFailureException;
import dev.gatehouse.store.jdbc.Database;
import dev.gatehouse.store.jdbc.JdbcStore;
import dev.gatehouse.store.jdbc.StoreSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import picocli.CommandLine.Option;

/**
 * Where a command keeps its state: the options every command that opens the store shares, and the
 * opening itself, which turns each way it can fail into one line the operator can act on.
 */
public final class StorageOptions {

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "gatehouse-data",
            description = "Data directory for the embedded database and the master key file (default: ./${DEFAULT-VALUE}).")
    Path directory;

    @Option(names = "--database", paramLabel = "JDBC_URL",
            description = "PostgreSQL instead of the embedded SQLite database,"
                    + " e.g. jdbc:postgresql://HOST:5432/DB?user=U&password=P.")
    String databaseUrl;

    /** Opens the store (migrating its schema), loads the master keys and wires the domain services. */
    public Storage open() {
        StoreSettings settings = settings();
        Path dataDirectory = createDataDirectory();
        MasterKeySource keySource = new MasterKeySource(dataDirectory);
        KeyRing keys = loadKeys(keySource);
        requireReachable(settings);
        JdbcStore store;
        try {
            store = JdbcStore.open(settings);
        } catch (ServiceFailureException e) {
            throw new CliException("cannot open the database " + Database.redactedUrl(settings.jdbcUrl()) + ": "
                    + rootMessage(e), e);
        }
        return new Storage(dataDirectory, keySource, store, IdentityServices.create(store, keys, Clock.systemUTC()));
    }

    private StoreSettings settings() {
        try {
            return StoreSettings.of(databaseUrl, directory);
        } catch (IllegalArgumentException e) {
            throw new CliException("--database: " + e.getMessage(), e);
        }
    }

    /**
     * Connects once before the pool does: an unreachable server or a wrong password is then the
     * driver's one-line explanation, rather than the pool's stack trace in the log.
     */
    private static void requireReachable(StoreSettings settings) {
        if (settings.database() != Database.POSTGRESQL) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl())) {
            connection.isValid(5);
        } catch (SQLException e) {
            throw new CliException("cannot connect to PostgreSQL at " + Database.redactedUrl(settings.jdbcUrl()) + ": "
                    + e.getMessage(), e);
        }
    }

    private static KeyRing loadKeys(MasterKeySource keySource) {
        try {
            return keySource.load();
        } catch (IllegalStateException e) {
            throw new CliException("cannot load the master keys: " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            // An AccessDeniedException's message is only the path; its type says what went wrong.
            IOException cause = e.getCause();
            throw new CliException(e.getMessage() + " (" + cause.getClass().getSimpleName() + ": " + cause.getMessage()
                    + ")", e);
        }
    }

    /** The data directory, created readable by its owner only if it does not exist yet. */
    private Path createDataDirectory() {
        try {
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(directory,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            return directory;
        } catch (FileAlreadyExistsException e) {
            throw new CliException("the data directory " + directory + " exists and is not a directory");
        } catch (IOException e) {
            throw new CliException("cannot create the data directory " + directory + ": " + e.getMessage(), e);
        }
    }

    /** The innermost message: the driver's "Connection refused" says more than the wrappers around it. */
    static String rootMessage(Throwable throwable) {
        Throwable root = throwable;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
