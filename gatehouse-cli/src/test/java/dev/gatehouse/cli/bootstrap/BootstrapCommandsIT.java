package dev.gatehouse.cli.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.cli.GatehouseProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bootstrap commands as an operator runs them: the shaded jar, a pipe for the password, the default data directory. */
class BootstrapCommandsIT {

    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path workingDirectory;

    @Test
    void createsAnAccountAndAnAdministratorThenRotatesTheMasterKey() throws Exception {
        GatehouseProcess.Result account = GatehouseProcess.runWithInput(workingDirectory, Map.of(),
                "Correct-Horse-7-Battery\n", "account", "create", "--email", "root@example.com", "--alias", "general");
        assertThat(account.exitCode()).as(account.err()).isZero();
        assertThat(account.out()).doesNotContain("Correct-Horse");
        String accountId = json.readTree(account.out()).get("AccountId").asText();

        GatehouseProcess.Result admin = GatehouseProcess.run(workingDirectory, Map.of(),
                "admin", "create", "--account", accountId, "--name", "admin");
        assertThat(admin.exitCode()).as(admin.err()).isZero();
        JsonNode key = json.readTree(admin.out()).get("AccessKey");
        assertThat(key.get("UserName").asText()).isEqualTo("admin");
        assertThat(key.get("AccessKeyId").asText()).startsWith("AKIA");

        GatehouseProcess.Result rotation = GatehouseProcess.run(workingDirectory, Map.of(), "keys", "rotate");
        assertThat(rotation.exitCode()).as(rotation.err()).isZero();
        assertThat(rotation.out()).contains("Re-encrypted 0 MFA seeds and 1 access-key secrets.")
                .contains("Restart every running gatehouse server");
        assertThat(Files.readAllLines(workingDirectory.resolve("gatehouse-data/master.keys"))).hasSize(2);
    }

    @Test
    void aWeakRootPasswordIsOneLineAndExitStatusOne() throws Exception {
        GatehouseProcess.Result result = GatehouseProcess.runWithInput(workingDirectory, Map.of(), "short\n",
                "account", "create", "--email", "root@example.com");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("gatehouse: ").doesNotContain("\tat ").doesNotContain("short");
    }

    @Test
    void anUnknownAccountIsOneLineAndExitStatusOne() throws Exception {
        GatehouseProcess.Result result = GatehouseProcess.run(workingDirectory, Map.of(),
                "admin", "create", "--account", "nobody", "--name", "admin");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).endsWith("gatehouse: No account is named nobody.\n").doesNotContain("\tat ");
    }
}
