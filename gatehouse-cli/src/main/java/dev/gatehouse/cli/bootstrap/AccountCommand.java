package dev.gatehouse.cli.bootstrap;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code gatehouse account}: the group of account commands. */
@Command(name = "account", mixinStandardHelpOptions = true, description = "Manage accounts.",
        subcommands = AccountCreateCommand.class)
public final class AccountCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command");
    }
}
