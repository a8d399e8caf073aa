package dev.gatehouse.cli.authenticator;

import dev.gatehouse.cli.GatehouseCommand;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * Runs {@code gatehouse authenticator …} in this JVM, through the real command line, against a
 * vault in a test directory, with a fixed clock and a cheap key derivation so tests stay fast.
 */
final class Authenticator {

    /** Far below the default, for speed; the format and code paths are the same. */
    static final Argon2idParameters TEST_KEY_DERIVATION = new Argon2idParameters(64, 1, 1);

    static final Instant NOW = Instant.parse("2026-11-22T21:30:13Z");

    private final Path vault;
    private final Map<String, String> environment = new HashMap<>();
    private PassphraseSource passphrases;
    private Argon2idParameters keyDerivation = TEST_KEY_DERIVATION;
    private Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private String input = "";

    Authenticator(Path vault, PassphraseSource passphrases) {
        this.vault = vault;
        this.passphrases = passphrases;
    }

    /** Takes the passphrase from this environment, through the real environment-reading source. */
    Authenticator withEnvironment(Map<String, String> variables) {
        environment.putAll(variables);
        passphrases = null;
        return this;
    }

    Authenticator withClock(Clock clock) {
        this.clock = clock;
        return this;
    }

    Authenticator withKeyDerivation(Argon2idParameters parameters) {
        this.keyDerivation = parameters;
        return this;
    }

    Authenticator withInput(String input) {
        this.input = input;
        return this;
    }

    Path vault() {
        return vault;
    }

    /** Runs {@code gatehouse authenticator --vault VAULT ARGS…}. */
    Result run(String... arguments) {
        List<String> all = new ArrayList<>(List.of("authenticator", "--vault", vault.toString()));
        all.addAll(List.of(arguments));
        return runExactly(all.toArray(String[]::new));
    }

    /** Runs {@code gatehouse ARGS…} with no --vault added. */
    Result runExactly(String... arguments) {
        CommandLine commandLine = GatehouseCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        AuthenticatorCommand authenticator = commandLine.getSubcommands().get("authenticator").getCommand();
        authenticator.use(environment, passphrases, clock, keyDerivation,
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        int exitCode = commandLine.execute(arguments);
        return new Result(exitCode, out.toString(), err.toString());
    }

    byte[] vaultBytes() throws IOException {
        return Files.readAllBytes(vault);
    }

    /** What a command did: its exit status and what it printed. */
    record Result(int exitCode, String out, String err) {
        /** Standard output without the line end, for a command that prints one line. */
        String line() {
            return out.strip();
        }
    }
}
