package dev.gatehouse.store.jdbc.testing;

import static org.junit.jupiter.api.Assertions.fail;

import dev.gatehouse.store.jdbc.Database;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server the tests use: {@code GATEHOUSE_TEST_POSTGRES_URL} (default
 * {@value #DEFAULT_URL}), and fresh schemas on it. Shared by every module's PostgreSQL tests (through
 * this module's test jar) so that all of them skip, or fail under {@code CI=true}, the same way.
 */
public final class TestPostgres {

    public static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    private final String baseUrl;

    private TestPostgres(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /**
     * The configured server if it answers. When none does, the calling tests are skipped with a loud
     * message, except under {@code CI=true}, where they fail: there they must run.
     */
    public static TestPostgres require(String whatIsSkipped) {
        String configured = System.getenv("GATEHOUSE_TEST_POSTGRES_URL");
        String baseUrl = configured == null || configured.isBlank() ? DEFAULT_URL : configured;
        DriverManager.setLoginTimeout(5);
        try (Connection connection = DriverManager.getConnection(baseUrl)) {
            connection.isValid(5);
        } catch (SQLException e) {
            String message = "PostgreSQL does not answer at " + Database.redactedUrl(baseUrl) + " (" + e.getMessage()
                    + "); set GATEHOUSE_TEST_POSTGRES_URL to run " + whatIsSkipped + ".";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message + " Under CI=true they must run.");
            }
            System.err.println("\n******** SKIPPING " + whatIsSkipped.toUpperCase(Locale.ROOT) + " ********\n" + message
                    + "\n*****************************************************\n");
            Assumptions.abort(message);
        }
        return new TestPostgres(baseUrl);
    }

    /** Creates a schema with a fresh name; {@link #dropSchema} it afterwards. */
    public String createSchema() {
        String schema = "gatehouse_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16)
                .toLowerCase(Locale.ROOT);
        execute("CREATE SCHEMA " + schema);
        return schema;
    }

    public void dropSchema(String schema) {
        execute("DROP SCHEMA " + schema + " CASCADE");
    }

    /** The server's URL with {@code currentSchema} set, so that everything opened on it lives in {@code schema}. */
    public String schemaUrl(String schema) {
        return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(baseUrl);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the test schema: " + e.getMessage(), e);
        }
    }
}
