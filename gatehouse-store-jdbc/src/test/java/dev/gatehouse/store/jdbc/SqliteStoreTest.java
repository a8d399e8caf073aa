package dev.gatehouse.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.Tags;
import dev.gatehouse.core.user.IamPath;
import dev.gatehouse.core.user.UserName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConnection;

/** The store contract on the embedded SQLite database, plus SQLite's own settings. */
class SqliteStoreTest extends StoreContractTest {

    @TempDir
    Path data;

    @Override
    protected JdbcStore openStore() {
        return JdbcStore.open(StoreSettings.embedded(data));
    }

    @Override
    protected JdbcStore openStoreOnSameDatabase() {
        return JdbcStore.open(StoreSettings.embedded(data));
    }

    @Test
    void keepsTheDatabaseInTheDataDirectoryInWalMode() throws Exception {
        assertThat(data.resolve(StoreSettings.SQLITE_FILE_NAME)).exists();
        try (Connection connection = DriverManager.getConnection(store.settings().jdbcUrl());
                Statement statement = connection.createStatement();
                ResultSet mode = statement.executeQuery("PRAGMA journal_mode")) {
            mode.next();
            assertThat(mode.getString(1)).isEqualToIgnoringCase("wal");
        }
    }

    @Test
    void writesWithoutAskingTheDriverForGeneratedKeys() {
        // Left on, the driver runs SELECT last_insert_rowid() after every INSERT, for keys nobody reads.
        boolean generatedKeys = store.inTransaction(session -> {
            try {
                return ((JdbcSession) session).handle().getConnection().unwrap(SQLiteConnection.class)
                        .getConnectionConfig().isGetGeneratedKeys();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(generatedKeys).isFalse();
    }

    @Test
    void leavesCheckpointsToItsOwnThreadAndStopsItWhenClosed() {
        long pages = store.read(session -> ((JdbcSession) session).handle()
                .createQuery("PRAGMA wal_autocheckpoint").mapTo(Long.class).one());
        assertThat(pages).isEqualTo(WalCheckpointer.WRITER_AUTOCHECKPOINT_PAGES);
        long checkpointers = WalCheckpointerTest.checkpointerThreads();
        assertThat(checkpointers).isPositive();

        store.close();

        assertThat(WalCheckpointerTest.checkpointerThreads()).isEqualTo(checkpointers - 1);
        store = openStoreOnSameDatabase();
        assertThat(WalCheckpointerTest.checkpointerThreads()).isEqualTo(checkpointers);
    }

    @Test
    void copiesCommittedWritesIntoTheDatabaseFileSoonAfter() throws Exception {
        Path file = store.settings().sqliteFile();
        FileTime before = Files.getLastModifiedTime(file);
        // Far below the connections' own checkpoint: only the checkpointer, told of the commit, copies it.
        gatehouse.users.createUser(account().id(), UserName.of("copied"), IamPath.ROOT, Tags.NONE, ORIGIN);

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (Files.getLastModifiedTime(file).equals(before)) {
            assertThat(System.nanoTime()).as("the database file written in time").isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(5);
        }
    }

    @Test
    void createsAMissingDataDirectoryForItsOwnerOnly() throws Exception {
        Path fresh = data.resolve("fresh").resolve("gatehouse-data");
        try (JdbcStore created = JdbcStore.open(StoreSettings.embedded(fresh))) {
            assertThat(created.settings().sqliteFile()).isEqualTo(fresh.resolve(StoreSettings.SQLITE_FILE_NAME)
                    .toAbsolutePath()).exists();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh))).isEqualTo("rwx------");
        }
    }

    @Test
    void reopensWithTheDataIntact() {
        store.close();
        store = openStoreOnSameDatabase();
        Services reopened = new Services(store, clock, cipher);
        assertThat(reopened.accounts.getAccount(account().id())).isEqualTo(account());
    }
}
