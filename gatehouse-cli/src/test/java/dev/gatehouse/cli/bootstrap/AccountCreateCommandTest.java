package dev.gatehouse.cli.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.core.account.Account;
import dev.gatehouse.core.account.EmailAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountCreateCommandTest {

    private static final String PASSWORD = "Correct-Horse-7-Battery";

    @TempDir
    Path temporary;

    private Path data() {
        return temporary.resolve("data");
    }

    @Test
    void printsTheAccountAsJsonWithItsIdAliasRootEmailAndArn() throws Exception {
        Gatehouse.Result result = Gatehouse.run(PASSWORD + "\n",
                "account", "create", "--email", "root@example.com", "--alias", "general", "--data", data().toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode account = new ObjectMapper().readTree(result.out());
        String id = account.get("AccountId").asText();
        assertThat(id).matches("\\d{12}");
        assertThat(account.get("Alias").asText()).isEqualTo("general");
        assertThat(account.get("RootEmail").asText()).isEqualTo("root@example.com");
        assertThat(account.get("Arn").asText()).isEqualTo("arn:aws:iam::" + id + ":root");
        String stored = Gatehouse.inspect(data(), services -> services.accounts().resolve("general").id().value());
        assertThat(stored).isEqualTo(id);
    }

    @Test
    void takesTheRootPasswordFromTheFirstLineOfStandardInputAndNeverPrintsIt() {
        Gatehouse.Result result = Gatehouse.run(PASSWORD + "\r\nignored\n",
                "account", "create", "--email", "root@example.com", "--data", data().toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out() + result.err()).doesNotContain(PASSWORD);
        Optional<Account> stored = Gatehouse.inspect(data(),
                services -> services.accounts().findByRootEmail(EmailAddress.of("root@example.com")));
        assertThat(stored).isPresent();
    }

    @Test
    void refusesAnEmptyPasswordBeforeTouchingTheDataDirectory() {
        Gatehouse.Result result = Gatehouse.run("\n",
                "account", "create", "--email", "root@example.com", "--data", data().toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("gatehouse: no root password on standard input: give it as one line\n");
        assertThat(data()).doesNotExist();
    }

    @Test
    void refusesMissingStandardInputLikeAnEmptyPassword() {
        Gatehouse.Result result = Gatehouse.run("",
                "account", "create", "--email", "root@example.com", "--data", data().toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("no root password on standard input");
    }

    @Test
    void refusesAWeakPasswordAndWritesNothing() {
        Gatehouse.Result result = Gatehouse.run("short\n",
                "account", "create", "--email", "root@example.com", "--alias", "general", "--data", data().toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("gatehouse: ").doesNotContain("\tat ");
        assertThat(result.out()).isEmpty();
        assertThat(accounts()).isEmpty();
    }

    @Test
    void refusesAnEmailAddressAlreadyTakenAndKeepsOnlyTheFirstAccount() {
        Gatehouse.run(PASSWORD + "\n", "account", "create", "--email", "root@example.com", "--data", data().toString());

        Gatehouse.Result second = Gatehouse.run(PASSWORD + "\n",
                "account", "create", "--email", "ROOT@example.com", "--alias", "other", "--data", data().toString());

        assertThat(second.exitCode()).isEqualTo(1);
        assertThat(second.err()).contains("gatehouse: ").contains("already exists");
        assertThat(accounts()).hasSize(1);
    }

    @Test
    void refusesAnInvalidEmailAddressInOneLine() {
        Gatehouse.Result result = Gatehouse.run(PASSWORD + "\n",
                "account", "create", "--email", "not-an-address", "--data", data().toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("gatehouse: ").hasLineCount(1);
    }

    @Test
    void treatsAMissingEmailAsAUsageError() {
        Gatehouse.Result result = Gatehouse.run(PASSWORD + "\n", "account", "create", "--data", data().toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--email");
    }

    private List<Account> accounts() {
        return Gatehouse.inspect(data(), services -> services.accounts().listAccounts());
    }
}
