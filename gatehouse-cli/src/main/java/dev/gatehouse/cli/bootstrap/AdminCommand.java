package dev.gatehouse.cli.bootstrap;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code gatehouse admin}: the group of administrator commands. */
@Command(name = "admin", mixinStandardHelpOptions = true, description = "Manage administrators.",
        subcommands = AdminCreateCommand.class)
public final class AdminCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command");
    }
}
