package dev.gatehouse.cli.bootstrap;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code gatehouse keys}: the group of master key commands. */
@Command(name = "keys", mixinStandardHelpOptions = true, 
        description = "Manage the master keys that encrypt MFA seeds and access-key secrets.",
        subcommands = KeysRotateCommand.class)
public final class KeysCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command");
    }
}
