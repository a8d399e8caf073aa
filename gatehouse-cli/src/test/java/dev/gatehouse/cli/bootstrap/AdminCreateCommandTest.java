package dev.gatehouse.cli.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.core.Page;
import dev.gatehouse.core.account.AccountId;
import dev.gatehouse.core.user.AccessKey;
import dev.gatehouse.core.user.AccessKeyId;
import dev.gatehouse.core.user.IamUser;
import dev.gatehouse.core.user.UserName;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminCreateCommandTest {

    @TempDir
    Path temporary;

    private Path data;
    private String accountId;

    @BeforeEach
    void createAccount() throws Exception {
        data = temporary.resolve("data");
        Gatehouse.Result created = Gatehouse.run("Correct-Horse-7-Battery\n",
                "account", "create", "--email", "root@example.com", "--alias", "general", "--data", data.toString());
        assertThat(created.exitCode()).as(created.err()).isZero();
        accountId = new ObjectMapper().readTree(created.out()).get("AccountId").asText();
    }

    @Test
    void printsTheAccessKeyExactlyAsAwsIamCreateAccessKeyDoes() {
        Gatehouse.Result result = Gatehouse.run("", "admin", "create", "--account", accountId, "--name", "admin",
                "--data", data.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        // The AWS CLI's layout: four-space indent, "Key": value, these fields in this order.
        assertThat(result.out()).matches("""
                \\{
                    "AccessKey": \\{
                        "UserName": "admin",
                        "AccessKeyId": "AKIA[A-Z0-9]{16}",
                        "Status": "Active",
                        "SecretAccessKey": "[A-Za-z0-9/+]{40}",
                        "CreateDate": "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+00:00"
                    }
                }
                """);
    }

    @Test
    void createsAnAdministratorWhoseStoredSecretIsTheOnePrinted() throws Exception {
        Gatehouse.Result result = Gatehouse.run("", "admin", "create", "--account", "general", "--name", "admin",
                "--data", data.toString());

        JsonNode key = new ObjectMapper().readTree(result.out()).get("AccessKey");
        IamUser user = Gatehouse.inspect(data,
                services -> services.users().getUser(AccountId.of(accountId), UserName.of("admin")));
        assertThat(user.administrator()).isTrue();
        String storedSecret = Gatehouse.inspect(data, services -> services.accessKeys()
                .signingKey(AccessKeyId.of(key.get("AccessKeyId").asText())).orElseThrow().secret().reveal());
        assertThat(storedSecret).isEqualTo(key.get("SecretAccessKey").asText());
    }

    @Test
    void refusesANameTakenInTheAccountIgnoringCaseAndWritesNothing() {
        Gatehouse.run("", "admin", "create", "--account", accountId, "--name", "admin", "--data", data.toString());

        Gatehouse.Result second = Gatehouse.run("", "admin", "create", "--account", accountId, "--name", "ADMIN",
                "--data", data.toString());

        assertThat(second.exitCode()).isEqualTo(1);
        assertThat(second.err()).isEqualTo("gatehouse: User with name ADMIN already exists.\n");
        assertThat(second.out()).isEmpty();
        assertThat(users()).hasSize(1);
        IamUser first = users().get(0);
        List<AccessKey> keys = Gatehouse.inspect(data, services -> services.accessKeys().listAccessKeys(first.principal()));
        assertThat(keys).hasSize(1);
    }

    @Test
    void refusesAnInvalidNameAndWritesNothing() {
        Gatehouse.Result result = Gatehouse.run("", "admin", "create", "--account", accountId, "--name", "no spaces",
                "--data", data.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("gatehouse: ").hasLineCount(1);
        assertThat(users()).isEmpty();
    }

    @Test
    void refusesAnUnknownAccount() {
        Gatehouse.Result result = Gatehouse.run("", "admin", "create", "--account", "999999999999", "--name", "admin",
                "--data", data.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("gatehouse: No account is named 999999999999.\n");
        assertThat(users()).isEmpty();
    }

    private List<IamUser> users() {
        Page<IamUser> page = Gatehouse.inspect(data,
                services -> services.users().listUsers(AccountId.of(accountId), Optional.empty(), 100));
        return page.items();
    }
}
