package dev.gatehouse.store.jdbc;

import dev.gatehouse.store.jdbc.testing.TestPostgres;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * The store contract on PostgreSQL, each test in a fresh schema dropped afterwards. The server and
 * what happens when none answers: {@link TestPostgres}.
 */
class PostgresStoreTest extends StoreContractTest {

    private static TestPostgres postgres;
    private String schema;

    @BeforeAll
    static void requirePostgres() {
        postgres = TestPostgres.require("the PostgreSQL store tests");
    }

    @Override
    protected JdbcStore openStore() {
        schema = postgres.createSchema();
        return openStoreOnSameDatabase();
    }

    @Override
    protected JdbcStore openStoreOnSameDatabase() {
        return JdbcStore.open(new StoreSettings(postgres.schemaUrl(schema), 8, Duration.ofSeconds(10)));
    }

    @AfterEach
    void dropSchema() {
        if (store != null) {
            store.close();
            store = null;
        }
        if (schema != null) {
            postgres.dropSchema(schema);
        }
    }
}
