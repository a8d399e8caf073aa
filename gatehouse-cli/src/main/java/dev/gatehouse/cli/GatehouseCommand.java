package dev.gatehouse.cli;

import dev.gatehouse.cli.authenticator.AuthenticatorCommand;
import dev.gatehouse.cli.bootstrap.AccountCommand;
import dev.gatehouse.cli.bootstrap.AdminCommand;
import dev.gatehouse.cli.bootstrap.KeysCommand;
import dev.gatehouse.core.error.GatehouseException;
import java.io.InputStream;
import java.util.Objects;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root {@code gatehouse} command; each job is a subcommand. */
@Command(
        name = "gatehouse",
        mixinStandardHelpOptions = true,
        versionProvider = GatehouseCommand.Version.class,
        description = "A self-hosted identity service that speaks the AWS IAM and STS APIs and enforces MFA.",
        subcommands = {
            ServeCommand.class,
            AuthenticatorCommand.class,
            AccountCommand.class,
            AdminCommand.class,
            KeysCommand.class,
            CommandLine.HelpCommand.class,
        })
public final class GatehouseCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final InputStream standardInput;

    private GatehouseCommand(InputStream standardInput) {
        this.standardInput = Objects.requireNonNull(standardInput, "standardInput");
    }

    /** What the commands read from (a password, say): {@code System.in}, or a test's stream. */
    public InputStream standardInput() {
        return standardInput;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command");
    }

    /**
     * The command line with Gatehouse's conventions: exit status 2 for usage errors, 1 for other
     * errors, and a {@link CliException} printed as one line without a stack trace.
     */
    public static CommandLine commandLine() {
        return commandLine(System.in);
    }

    /** {@link #commandLine()} reading standard input from {@code standardInput}; for tests. */
    public static CommandLine commandLine(InputStream standardInput) {
        CommandLine commandLine = new CommandLine(new GatehouseCommand(standardInput));
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            // A domain error's message is written for the caller (never SQL or a secret): the operator gets it as is.
            if (exception instanceof CliException || exception instanceof GatehouseException) {
                cmd.getErr().println("gatehouse: " + exception.getMessage());
                return 1;
            }
            throw exception;
        });
        return commandLine;
    }

    /** The version from the jar manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = GatehouseCommand.class.getPackage().getImplementationVersion();
            return new String[] {"gatehouse " + (version == null ? "development" : version)};
        }
    }
}
