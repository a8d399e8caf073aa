package dev.gatehouse.cli.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.core.crypto.MasterKeySource;
import dev.gatehouse.core.user.AccessKeyId;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeysRotateCommandTest {

    @TempDir
    Path temporary;

    @Test
    void reencryptsEverySecretUnderANewKeyAndTellsTheOperatorToRestart() throws Exception {
        Path data = temporary.resolve("data");
        Gatehouse.run("Correct-Horse-7-Battery\n", "account", "create", "--email", "root@example.com",
                "--alias", "general", "--data", data.toString());
        JsonNode key = new ObjectMapper().readTree(Gatehouse.run("", "admin", "create", "--account", "general",
                "--name", "admin", "--data", data.toString()).out()).get("AccessKey");

        Gatehouse.Result result = Gatehouse.run("", "keys", "rotate", "--data", data.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).matches("(?s)New master key: k[0-9a-f]{16}\n"
                + "Re-encrypted 0 MFA seeds and 1 access-key secrets.\n"
                + "Restart every running gatehouse server.*");
        assertThat(Files.readAllLines(data.resolve(MasterKeySource.FILE_NAME))).hasSize(2);
        String secret = Gatehouse.inspect(data, services -> services.accessKeys()
                .signingKey(AccessKeyId.of(key.get("AccessKeyId").asText())).orElseThrow().secret().reveal());
        assertThat(secret).isEqualTo(key.get("SecretAccessKey").asText());
    }
}
