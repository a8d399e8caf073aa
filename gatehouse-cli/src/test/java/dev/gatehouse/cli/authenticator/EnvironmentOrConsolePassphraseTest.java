package dev.gatehouse.cli.authenticator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.cli.CliException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnvironmentOrConsolePassphraseTest {

    private static final Path VAULT = Path.of("/tmp/test.vault");

    @Test
    void takesThePassphraseFromTheEnvironmentForNewAndExistingVaults() {
        EnvironmentOrConsolePassphrase source = new EnvironmentOrConsolePassphrase(
                Map.of("GATEHOUSE_VAULT_PASSPHRASE", "correct horse"), Optional::empty);

        assertThat(source.passphrase(VAULT)).containsExactly("correct horse".toCharArray());
        assertThat(source.newPassphrase(VAULT)).containsExactly("correct horse".toCharArray());
    }

    @Test
    void saysWhatToDoWhenThereIsNeitherVariableNorTerminal() {
        EnvironmentOrConsolePassphrase source = new EnvironmentOrConsolePassphrase(Map.of(), Optional::empty);

        assertThatThrownBy(() -> source.passphrase(VAULT))
                .isInstanceOf(CliException.class)
                .hasMessage("no passphrase: set GATEHOUSE_VAULT_PASSPHRASE or run the command in a terminal to type it");
        assertThatThrownBy(() -> source.newPassphrase(VAULT)).isInstanceOf(CliException.class);
    }

    @Test
    void refusesAnEmptyPassphrase() {
        EnvironmentOrConsolePassphrase source = new EnvironmentOrConsolePassphrase(
                Map.of("GATEHOUSE_VAULT_PASSPHRASE", ""), Optional::empty);

        assertThatThrownBy(() -> source.newPassphrase(VAULT)).hasMessage("the passphrase cannot be empty");
    }
}
