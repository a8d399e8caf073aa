package dev.gatehouse.cli.authenticator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VaultLocationTest {

    private static final Map<String, String> ENVIRONMENT = Map.of(
            "GATEHOUSE_VAULT", "/env/vault", "XDG_CONFIG_HOME", "/xdg");

    @Test
    void prefersTheOption() {
        assertThat(VaultLocation.resolve(Optional.of(Path.of("/option/vault")), ENVIRONMENT, "/home/alice"))
                .isEqualTo(Path.of("/option/vault"));
    }

    @Test
    void thenTheEnvironmentVariable() {
        assertThat(VaultLocation.resolve(Optional.empty(), ENVIRONMENT, "/home/alice")).isEqualTo(Path.of("/env/vault"));
    }

    @Test
    void thenTheXdgConfigDirectory() {
        assertThat(VaultLocation.resolve(Optional.empty(), Map.of("XDG_CONFIG_HOME", "/xdg"), "/home/alice"))
                .isEqualTo(Path.of("/xdg/gatehouse/authenticator.vault"));
    }

    @Test
    void thenDotConfigInTheHomeDirectoryIgnoringARelativeXdgConfigHome() {
        assertThat(VaultLocation.resolve(Optional.empty(), Map.of("XDG_CONFIG_HOME", "relative"), "/home/alice"))
                .isEqualTo(Path.of("/home/alice/.config/gatehouse/authenticator.vault"));
        assertThat(VaultLocation.resolve(Optional.empty(), Map.of(), "/home/alice"))
                .isEqualTo(Path.of("/home/alice/.config/gatehouse/authenticator.vault"));
    }

    @Test
    void prefersTheHomeVariableToTheJvmsUserHome() {
        assertThat(VaultLocation.resolve(Optional.empty(), Map.of("HOME", "/home/script"), "/home/alice"))
                .isEqualTo(Path.of("/home/script/.config/gatehouse/authenticator.vault"));
    }
}
