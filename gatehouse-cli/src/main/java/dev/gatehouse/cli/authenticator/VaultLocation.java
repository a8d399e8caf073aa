package dev.gatehouse.cli.authenticator;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the vault is: {@code --vault FILE}, else {@value #VARIABLE}, else
 * {@code $XDG_CONFIG_HOME/gatehouse/authenticator.vault}, else
 * {@code ~/.config/gatehouse/authenticator.vault} (the XDG Base Directory default).
 */
final class VaultLocation {

    static final String VARIABLE = "GATEHOUSE_VAULT";

    private VaultLocation() {
    }

    static Path resolve(Optional<Path> option, Map<String, String> environment, String userHome) {
        if (option.isPresent()) {
            return option.get();
        }
        String fromEnvironment = environment.get(VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return Path.of(fromEnvironment);
        }
        String configHome = environment.get("XDG_CONFIG_HOME");
        // The XDG specification says to ignore a relative XDG_CONFIG_HOME.
        Path base = configHome != null && !configHome.isEmpty() && Path.of(configHome).isAbsolute()
                ? Path.of(configHome)
                : Path.of(userHome, ".config");
        return base.resolve("gatehouse").resolve("authenticator.vault");
    }
}
