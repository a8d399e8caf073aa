package dev.gatehouse.cli.authenticator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthenticatorCommandTest {

    @TempDir
    Path directory;

    @Test
    void takesThePassphraseFromTheEnvironmentVariable() {
        Path vault = directory.resolve("env.vault");
        Authenticator withVariable = new Authenticator(vault, null)
                .withEnvironment(Map.of("GATEHOUSE_VAULT_PASSPHRASE", "from the environment"));

        assertThat(withVariable.run("add", "aws", "--secret", "JBSWY3DPEHPK3PXP").exitCode()).isZero();
        assertThat(withVariable.run("code", "aws", "--at", "59").line()).isEqualTo("996554");

        Authenticator otherPassphrase = new Authenticator(vault, null)
                .withEnvironment(Map.of("GATEHOUSE_VAULT_PASSPHRASE", "something else"));
        assertThat(otherPassphrase.run("code", "aws").exitCode()).isEqualTo(1);
        assertThat(new Authenticator(vault, new FixedPassphrase("from the environment")).run("list").out()).contains("aws");
    }

    @Test
    void failsClearlyWithoutAPassphraseOrATerminal() {
        Authenticator noPassphrase = new Authenticator(directory.resolve("none.vault"), null).withEnvironment(Map.of());

        Authenticator.Result result = noPassphrase.run("add", "aws", "--secret", "JBSWY3DPEHPK3PXP");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("gatehouse: no passphrase: set GATEHOUSE_VAULT_PASSPHRASE "
                + "or run the command in a terminal to type it" + System.lineSeparator());
        assertThat(directory.resolve("none.vault")).doesNotExist();
    }

    @Test
    void findsTheVaultFromTheEnvironmentVariable() {
        Path vault = directory.resolve("from-env.vault");
        Authenticator authenticator = new Authenticator(vault, null).withEnvironment(Map.of(
                "GATEHOUSE_VAULT", vault.toString(), "GATEHOUSE_VAULT_PASSPHRASE", "p"));

        assertThat(authenticator.runExactly("authenticator", "add", "aws", "--secret", "JBSWY3DPEHPK3PXP").exitCode()).isZero();
        assertThat(vault).exists();
    }

    @Test
    void acceptsTheVaultOptionBeforeOrAfterTheSubcommand() {
        Path vault = directory.resolve("option.vault");
        Authenticator authenticator = new Authenticator(vault, new FixedPassphrase("p"));

        assertThat(authenticator.runExactly("authenticator", "--vault", vault.toString(), "add", "a", "--secret", "JBSWY3DPEHPK3PXP").exitCode()).isZero();
        assertThat(authenticator.runExactly("authenticator", "list", "--vault", vault.toString()).out()).contains("a ");
    }

    @Test
    void treatsAMissingSubcommandAsAUsageError() {
        Authenticator.Result result = new Authenticator(directory.resolve("v"), new FixedPassphrase("p")).run();

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Missing a subcommand");
    }

    @Test
    void neverPrintsAStackTraceForAUserMistake() {
        Authenticator authenticator = new Authenticator(directory.resolve("v"), new FixedPassphrase("p"));
        authenticator.run("add", "a", "--secret", "JBSWY3DPEHPK3PXP");
        String[][] mistakes = {
            {"add", "a", "--secret", "JBSWY3DPEHPK3PXP"},
            {"add", "b", "--qr", directory.resolve("missing.png").toString()},
            {"add", "b", "--qr", directory.toString()},
            {"add", "b", "--secret", "!!"},
            {"code", "nope"},
            {"code", "a", "--at", "soon"},
            {"remove", "nope"},
            {"show", "a", "--qr", directory.toString()},
            {"show", "a", "--qr", directory.resolve("no/such/dir/a.png").toString()},
            {"frobnicate"},
        };
        for (String[] mistake : mistakes) {
            Authenticator.Result result = authenticator.run(mistake);

            assertThat(result.exitCode()).as(String.join(" ", mistake)).isIn(1, 2);
            assertThat(result.err()).as(String.join(" ", mistake)).doesNotContain("\tat ", "Exception");
        }
    }
}
