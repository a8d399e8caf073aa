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
        // The XDG specification says to ignore a relative XDG_CONFIG_HOME; it defaults to $HOME/.config.
        // $HOME wins over the JVM's user.home, which comes from the password database and would
        // ignore a HOME set for a script, a test or sudo.
        Path base = absolute(environment.get("XDG_CONFIG_HOME"))
                .orElseGet(() -> absolute(environment.get("HOME")).orElse(Path.of(userHome)).resolve(".config"));
        return base.resolve("gatehouse").resolve("authenticator.vault");
    }

    private static Optional<Path> absolute(String directory) {
        return directory == null || directory.isEmpty() || !Path.of(directory).isAbsolute()
                ? Optional.empty() : Optional.of(Path.of(directory));
    }
}
