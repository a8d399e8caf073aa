package dev.gatehouse.cli;

import dev.gatehouse.cli.authenticator.AuthenticatorCommand;
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
            CommandLine.HelpCommand.class,
        })
public final class GatehouseCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command");
    }

    /**
     * The command line with Gatehouse's conventions: exit status 2 for usage errors, 1 for other
     * errors, and a {@link CliException} printed as one line without a stack trace.
     */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new GatehouseCommand());
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            if (exception instanceof CliException) {
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
