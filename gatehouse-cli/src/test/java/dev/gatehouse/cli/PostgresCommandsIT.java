package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.core.IdentityServices;
import dev.gatehouse.core.account.Account;
import dev.gatehouse.core.crypto.MasterKeySource;
import dev.gatehouse.store.jdbc.JdbcStore;
import dev.gatehouse.store.jdbc.StoreSettings;
import dev.gatehouse.store.jdbc.testing.TestPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands on PostgreSQL with {@code --database}, each test in a fresh schema dropped afterwards. */
class PostgresCommandsIT {

    private static TestPostgres postgres;

    @TempDir
    Path workingDirectory;

    private String schema;
    private String databaseUrl;
    private JdbcStore inspected;

    @BeforeAll
    static void requirePostgres() {
        postgres = TestPostgres.require("the CLI's PostgreSQL tests");
    }

    @BeforeEach
    void createSchema() {
        schema = postgres.createSchema();
        databaseUrl = postgres.schemaUrl(schema);
    }

    @AfterEach
    void dropSchema() {
        if (inspected != null) {
            inspected.close();
        }
        postgres.dropSchema(schema);
    }

    @Test
    void createsAnAccountAndAnAdministratorInPostgres() throws Exception {
        GatehouseProcess.Result account = GatehouseProcess.runWithInput(workingDirectory, Map.of(),
                "Correct-Horse-7-Battery\n", "account", "create", "--email", "root@example.com", "--alias", "general",
                "--database", databaseUrl);
        assertThat(account.exitCode()).as(account.err()).isZero();
        String accountId = new ObjectMapper().readTree(account.out()).get("AccountId").asText();

        GatehouseProcess.Result admin = GatehouseProcess.run(workingDirectory, Map.of(),
                "admin", "create", "--account", "general", "--name", "admin", "--database", databaseUrl);

        assertThat(admin.exitCode()).as(admin.err()).isZero();
        assertThat(new ObjectMapper().readTree(admin.out()).at("/AccessKey/UserName").asText()).isEqualTo("admin");
        List<Account> accounts = inspect().accounts().listAccounts();
        assertThat(accounts).extracting(stored -> stored.id().value()).containsExactly(accountId);
        // Nothing went to an embedded database beside the key file.
        assertThat(workingDirectory.resolve("gatehouse-data").resolve(StoreSettings.SQLITE_FILE_NAME)).doesNotExist();
    }

    @Test
    void aRefusedAccountLeavesNothingInPostgres() throws Exception {
        GatehouseProcess.Result result = GatehouseProcess.runWithInput(workingDirectory, Map.of(), "short\n",
                "account", "create", "--email", "root@example.com", "--database", databaseUrl);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("gatehouse: ").doesNotContain("\tat ");
        assertThat(inspect().accounts().listAccounts()).isEmpty();
    }

    @Test
    void serveOnPostgresAnswersHealth() throws Exception {
        Process process = GatehouseProcess.builder(workingDirectory, Map.of(),
                        "serve", "--port", "0", "--database", databaseUrl)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            BufferedReader stdout = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line = stdout.readLine();
            assertThat(line).as("first line of serve's output").startsWith("Gatehouse listening on http://");
            URI baseUri = URI.create(line.substring("Gatehouse listening on ".length()));

            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(baseUri.resolve("/health")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(health.statusCode()).isEqualTo(200);
        } finally {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** The services over the schema the commands wrote, with the keys they created; closed after the test. */
    private IdentityServices inspect() {
        inspected = JdbcStore.open(StoreSettings.of(databaseUrl, workingDirectory));
        return IdentityServices.create(inspected,
                new MasterKeySource(workingDirectory.resolve("gatehouse-data")).load(), Clock.systemUTC());
    }
}
