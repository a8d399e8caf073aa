package dev.gatehouse.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.gatehouse.core.error.GatehouseException;
import dev.gatehouse.core.store.Store;
import dev.gatehouse.core.store.StoreSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store on SQLite or PostgreSQL: migrates the schema on open, then runs each unit of work in
 * one JDBC transaction. Thread-safe; close it to release the pool.
 *
 * <p>SQLite allows one writer at a time. Writers in this process hand their work to one
 * {@link GroupCommitWriter} rather than polling SQLite's busy handler; it runs every queued unit of
 * work in its own savepoint of one transaction and commits them with one fsync. Each transaction
 * begins IMMEDIATE, taking the database write lock up front so that a read-then-write unit can never
 * fail with SQLITE_BUSY half-way; the busy timeout covers writers in other processes. Reads run
 * outside a transaction and, in WAL mode, do not wait for writers. A {@link WalCheckpointer} copies
 * the write-ahead log into the database file on a thread of its own, where SQLite would have the
 * commit that fills the log do it while the group's leader holds every other writer back.
 */
public final class JdbcStore implements Store, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcStore.class);

    private final StoreSettings settings;
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final ThreadLocal<ReadScope> readScope = new ThreadLocal<>();
    private final GroupCommitWriter sqliteWriter;
    private final WalCheckpointer sqliteCheckpointer;

    private JdbcStore(StoreSettings settings, HikariDataSource dataSource) {
        this.settings = settings;
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
        if (settings.database() == Database.SQLITE) {
            jdbi.setStatementBuilderFactory(new SqliteStatementCache());
            this.sqliteWriter = new GroupCommitWriter(jdbi, this::sqliteCommitted);
            this.sqliteCheckpointer = new WalCheckpointer(jdbi.open(), sqliteWriter::exclusively,
                    WalCheckpointer.INTERVAL, WalCheckpointer.RESTART_PAGES);
        } else {
            this.sqliteCheckpointer = null;
            this.sqliteWriter = null;
        }
    }

    /** The writer's word that a group is committed, for the checkpointer (made after the writer, whose lock it takes). */
    private void sqliteCommitted() {
        sqliteCheckpointer.committed();
    }

    /**
     * Opens the store and brings its schema up to date.
     *
     * @throws dev.gatehouse.core.error.ServiceFailureException if the database cannot be reached or
     *     migrated; the details are in the log
     */
    public static JdbcStore open(StoreSettings settings) {
        Objects.requireNonNull(settings, "settings");
        HikariDataSource dataSource = null;
        try {
            if (settings.database() == Database.SQLITE) {
                createDataDirectory(settings.sqliteFile().getParent());
            }
            dataSource = new HikariDataSource(poolConfig(settings));
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
            LOG.info("Store open on {} ({})", settings.database(), Database.redactedUrl(settings.jdbcUrl()));
            return new JdbcStore(settings, dataSource);
        } catch (RuntimeException e) {
            if (dataSource != null) {
                dataSource.close();
            }
            throw StorageErrors.serviceFailure(e);
        }
    }

    /** The data directory, owner-only where the file system has POSIX permissions, as the key file beside it. */
    private static void createDataDirectory(Path directory) {
        if (directory == null || Files.isDirectory(directory)) {
            return;
        }
        try {
            if (directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createDirectories(directory,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(directory);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + directory, e);
        }
    }

    private static HikariConfig poolConfig(StoreSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.jdbcUrl());
        config.setMaximumPoolSize(settings.poolSize());
        config.setPoolName("gatehouse-" + settings.database().name().toLowerCase(java.util.Locale.ROOT));
        if (settings.database() == Database.SQLITE) {
            // WAL: readers never block the writer. synchronous=FULL: a commit is on disk before it is
            // acknowledged, in WAL mode too, so it survives a power cut as well as a crash.
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("synchronous", "FULL");
            config.addDataSourceProperty("busy_timeout", String.valueOf(settings.busyTimeout().toMillis()));
            config.addDataSourceProperty("foreign_keys", "true");
            config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
            // Every ID is made in Java. With this on (the driver's default), each INSERT was followed
            // by a "SELECT last_insert_rowid()" prepared, run and finalized for keys nobody asked for:
            // a tenth of the time the write lock is held.
            config.addDataSourceProperty("jdbc.get_generated_keys", "false");
            // A WalCheckpointer checkpoints the log off the write lock and keeps a connection for it.
            config.setConnectionInitSql("PRAGMA wal_autocheckpoint = " + WalCheckpointer.WRITER_AUTOCHECKPOINT_PAGES);
            config.setMaximumPoolSize(settings.poolSize() + 1);
        }
        return config;
    }

    public StoreSettings settings() {
        return settings;
    }

    @Override
    public <T> T inTransaction(Function<StoreSession, T> work) {
        if (readScope.get() != null) {
            throw new IllegalStateException("a transaction inside readingTogether: the work was declared read-only");
        }
        try {
            if (sqliteWriter != null) {
                return sqliteWriter.write(work);
            }
            return jdbi.inTransaction(handle -> work.apply(new JdbcSession(handle, settings.database())));
        } catch (GatehouseException e) {
            throw e;
        } catch (RuntimeException e) {
            throw StorageErrors.serviceFailure(e);
        }
    }

    /**
     * Reads run outside a transaction on SQLite and in one of their own on PostgreSQL, where READ
     * COMMITTED gives each statement a fresh snapshot either way; inside {@link #readingTogether}
     * they run on its one connection in autocommit, which under both databases sees the same.
     */
    @Override
    public <T> T read(Function<StoreSession, T> work) {
        ReadScope scope = readScope.get();
        if (scope != null) {
            return withErrorsMapped(() -> work.apply(scope.session()));
        }
        if (settings.database() != Database.SQLITE) {
            return inTransaction(work);
        }
        try {
            return jdbi.withHandle(handle -> work.apply(new JdbcSession(handle, settings.database())));
        } catch (GatehouseException e) {
            throw e;
        } catch (RuntimeException e) {
            throw StorageErrors.serviceFailure(e);
        }
    }

    @Override
    public <T> T readingTogether(Supplier<T> work) {
        if (readScope.get() != null) {
            return work.get();
        }
        ReadScope scope = new ReadScope();
        readScope.set(scope);
        try {
            return work.get();
        } finally {
            readScope.remove();
            withErrorsMapped(() -> {
                scope.close();
                return null;
            });
        }
    }

    private static <T> T withErrorsMapped(Supplier<T> work) {
        try {
            return work.get();
        } catch (GatehouseException e) {
            throw e;
        } catch (RuntimeException e) {
            throw StorageErrors.serviceFailure(e);
        }
    }

    /** The one handle of a {@link #readingTogether}, opened by its first read. */
    private final class ReadScope implements AutoCloseable {
        private Handle handle;
        private JdbcSession session;

        JdbcSession session() {
            if (session == null) {
                handle = jdbi.open();
                session = new JdbcSession(handle, settings.database());
            }
            return session;
        }

        @Override
        public void close() {
            if (handle != null) {
                handle.close();
            }
        }
    }

    @Override
    public void close() {
        try {
            if (sqliteWriter != null) {
                try {
                    sqliteWriter.close();
                } finally {
                    sqliteCheckpointer.close();
                }
            }
        } finally {
            dataSource.close();
        }
    }
}
