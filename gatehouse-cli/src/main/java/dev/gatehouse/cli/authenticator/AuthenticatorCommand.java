package dev.gatehouse.cli.authenticator;

import java.io.InputStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code gatehouse authenticator}: a virtual MFA device on the command line, holding its keys in an
 * encrypted vault file. Its subcommands share the vault option and the process's environment,
 * clock and passphrase source, which tests replace through {@link #use}.
 */
@Command(
        name = "authenticator",
        mixinStandardHelpOptions = true,
        description = {
            "A virtual MFA device on the command line.",
            "Keeps TOTP and HOTP keys in an encrypted vault and prints their codes, like an authenticator "
                    + "app on a phone.",
        },
        footer = {
            "",
            "The vault is --vault FILE, else $GATEHOUSE_VAULT, else",
            "$XDG_CONFIG_HOME/gatehouse/authenticator.vault, else",
            "~/.config/gatehouse/authenticator.vault.",
            "Its passphrase is $GATEHOUSE_VAULT_PASSPHRASE, else asked for without echo.",
            "",
            "Exit status: 0 success, 1 error, 2 usage error.",
        },
        subcommands = {
            AddCommand.class,
            CodeCommand.class,
            ListCommand.class,
            RemoveCommand.class,
            ShowCommand.class,
        })
public final class AuthenticatorCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(names = "--vault", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "The vault file (default: $GATEHOUSE_VAULT, else one in the user's config directory).")
    Path vaultOption;

    private Map<String, String> environment = System.getenv();
    private PassphraseSource passphraseSource = EnvironmentOrConsolePassphrase.ofSystem();
    private Clock clock = Clock.systemUTC();
    private Argon2idParameters keyDerivation = Argon2idParameters.DEFAULT;
    private InputStream input = System.in;
    private final SecureRandom random = new SecureRandom();

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing a subcommand: add, code, list, remove or show");
    }

    /**
     * Replaces what the commands take from the process; for tests. A null passphrase source reads
     * {@code environment} and has no console.
     */
    void use(Map<String, String> environment, PassphraseSource passphraseSource, Clock clock,
            Argon2idParameters keyDerivation, InputStream input) {
        this.environment = Map.copyOf(environment);
        this.passphraseSource = passphraseSource != null ? passphraseSource
                : new EnvironmentOrConsolePassphrase(environment, Optional::empty);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.keyDerivation = Objects.requireNonNull(keyDerivation, "keyDerivation");
        this.input = Objects.requireNonNull(input, "input");
    }

    VaultFile vaultFile() {
        Path path = VaultLocation.resolve(Optional.ofNullable(vaultOption), environment, System.getProperty("user.home"));
        return new VaultFile(path, passphraseSource, new VaultFormat(random), keyDerivation);
    }

    Clock clock() {
        return clock;
    }

    InputStream input() {
        return input;
    }
}
