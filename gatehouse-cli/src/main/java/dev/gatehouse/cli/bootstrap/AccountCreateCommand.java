package dev.gatehouse.cli.bootstrap;

import dev.gatehouse.cli.GatehouseCommand;
import dev.gatehouse.cli.Storage;
import dev.gatehouse.cli.StorageOptions;
import dev.gatehouse.core.account.Account;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gatehouse account create}: an account and its root user, the password read from standard input. */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = {"Create an account with its root user; the root password is read from standard input (one line).",
            "Prints the account as JSON."})
public final class AccountCreateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--email", required = true, paramLabel = "EMAIL", description = "The root user's e-mail address.")
    String email;

    @Option(names = "--alias", paramLabel = "ALIAS", description = "The account alias, used to sign in instead of the ID.")
    String alias;

    @Mixin
    StorageOptions storageOptions;

    @Override
    public Integer call() {
        GatehouseCommand root = (GatehouseCommand) spec.root().userObject();
        String password = PasswordLine.read(root.standardInput(), "root password");
        try (Storage storage = storageOptions.open()) {
            Account account = storage.services().accounts().createAccount(email, alias, password);
            spec.commandLine().getOut().println(AwsJson.print(describe(account)));
        }
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** Flat, so that a script takes the ID with {@code jq -r .AccountId}. */
    private static Map<String, Object> describe(Account account) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("AccountId", account.id().value());
        fields.put("Alias", account.aliasIfAny().map(Object::toString).orElse(null));
        fields.put("RootEmail", account.rootEmail().value());
        fields.put("Arn", account.id().rootArn());
        fields.put("CreateDate", AwsJson.timestamp(account.createdAt()));
        return fields;
    }
}
