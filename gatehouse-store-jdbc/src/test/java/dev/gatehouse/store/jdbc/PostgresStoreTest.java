package dev.gatehouse.store.jdbc;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/**
 * The store contract on PostgreSQL, each test in a fresh schema dropped afterwards. The server is
 * {@code GATEHOUSE_TEST_POSTGRES_URL} (default {@value #DEFAULT_URL}); when none answers the tests
 * are skipped with a loud message, except under {@code CI=true}, where they fail.
 */
class PostgresStoreTest extends StoreContractTest {

    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    private static String baseUrl;
    private String schema;

    @BeforeAll
    static void requirePostgres() {
        String configured = System.getenv("GATEHOUSE_TEST_POSTGRES_URL");
        baseUrl = configured == null || configured.isBlank() ? DEFAULT_URL : configured;
        DriverManager.setLoginTimeout(5);
        try (Connection connection = DriverManager.getConnection(baseUrl)) {
            connection.isValid(5);
        } catch (SQLException e) {
            String message = "PostgreSQL does not answer at " + Database.redactedUrl(baseUrl) + " (" + e.getMessage()
                    + "); set GATEHOUSE_TEST_POSTGRES_URL to run the PostgreSQL store tests.";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message + " Under CI=true they must run.");
            }
            System.err.println("\n******** SKIPPING THE POSTGRESQL STORE TESTS ********\n" + message
                    + "\n*****************************************************\n");
            Assumptions.abort(message);
        }
    }

    @Override
    protected JdbcStore openStore() {
        schema = "gatehouse_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16)
                .toLowerCase(Locale.ROOT);
        execute("CREATE SCHEMA " + schema);
        return JdbcStore.open(new StoreSettings(schemaUrl(), 8, java.time.Duration.ofSeconds(10)));
    }

    @Override
    protected JdbcStore openStoreOnSameDatabase() {
        return JdbcStore.open(new StoreSettings(schemaUrl(), 8, java.time.Duration.ofSeconds(10)));
    }

    @AfterEach
    void dropSchema() {
        if (store != null) {
            store.close();
            store = null;
        }
        if (schema != null) {
            execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private String schemaUrl() {
        return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(baseUrl);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the test schema: " + e.getMessage(), e);
        }
    }
}
