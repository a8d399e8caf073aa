package dev.gatehouse.cli.authenticator;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code authenticator remove NAME}. */
@Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a device from the vault.")
final class RemoveCommand implements Callable<Integer> {

    @ParentCommand
    AuthenticatorCommand authenticator;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "The device's name in the vault.")
    String name;

    @Override
    public Integer call() {
        try (VaultFile vault = authenticator.vaultFile()) {
            vault.update(current -> current.without(name), VaultFile.WhenMissing.REFUSE);
            spec.commandLine().getErr().println("removed '" + name + "' from " + vault.path());
        }
        return 0;
    }
}
