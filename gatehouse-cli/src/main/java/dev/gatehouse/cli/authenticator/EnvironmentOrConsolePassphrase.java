package dev.gatehouse.cli.authenticator;

import dev.gatehouse.cli.CliException;
import java.io.Console;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The passphrase from {@value #VARIABLE} where it is set, for scripts and tests; otherwise typed on
 * the console without echo.
 */
final class EnvironmentOrConsolePassphrase implements PassphraseSource {

    static final String VARIABLE = "GATEHOUSE_VAULT_PASSPHRASE";

    private final Map<String, String> environment;
    private final Supplier<Optional<Console>> console;

    EnvironmentOrConsolePassphrase(Map<String, String> environment, Supplier<Optional<Console>> console) {
        this.environment = Map.copyOf(environment);
        this.console = console;
    }

    /** From the process environment and {@link System#console()}. */
    static EnvironmentOrConsolePassphrase ofSystem() {
        return new EnvironmentOrConsolePassphrase(System.getenv(), () -> Optional.ofNullable(System.console()));
    }

    @Override
    public char[] passphrase(Path vault) {
        Optional<char[]> fromEnvironment = fromEnvironment();
        if (fromEnvironment.isPresent()) {
            return fromEnvironment.get();
        }
        return checked(read(requireConsole(), "Passphrase for " + vault + ": "));
    }

    @Override
    public char[] newPassphrase(Path vault) {
        Optional<char[]> fromEnvironment = fromEnvironment();
        if (fromEnvironment.isPresent()) {
            return fromEnvironment.get();
        }
        Console terminal = requireConsole();
        char[] first = checked(read(terminal, "New passphrase for " + vault + ": "));
        char[] second = read(terminal, "Repeat the passphrase: ");
        try {
            // Not constant time, and need not be: both were typed by the same person, nobody times it.
            if (!Arrays.equals(first, second)) {
                Arrays.fill(first, '\0');
                throw new CliException("the passphrases differ; no vault was created");
            }
            return first;
        } finally {
            Arrays.fill(second, '\0');
        }
    }

    private Optional<char[]> fromEnvironment() {
        String value = environment.get(VARIABLE);
        if (value == null) {
            return Optional.empty();
        }
        return Optional.of(checked(value.toCharArray()));
    }

    private Console requireConsole() {
        return console.get().orElseThrow(() -> new CliException(
                "no passphrase: set " + VARIABLE + " or run the command in a terminal to type it"));
    }

    private static char[] read(Console terminal, String prompt) {
        char[] typed = terminal.readPassword("%s", prompt);
        if (typed == null) {
            throw new CliException("no passphrase: the input ended");
        }
        return typed;
    }

    private static char[] checked(char[] passphrase) {
        if (passphrase.length == 0) {
            throw new CliException("the passphrase cannot be empty");
        }
        return passphrase;
    }
}
