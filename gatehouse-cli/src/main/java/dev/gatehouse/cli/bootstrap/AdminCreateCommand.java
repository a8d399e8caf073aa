package dev.gatehouse.cli.bootstrap;

import dev.gatehouse.cli.Storage;
import dev.gatehouse.cli.StorageOptions;
import dev.gatehouse.core.IdentityServices;
import dev.gatehouse.core.account.Account;
import dev.gatehouse.core.audit.Origin;
import dev.gatehouse.core.user.AccessKey;
import dev.gatehouse.core.user.AdministratorCredentials;
import dev.gatehouse.core.user.UserName;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code gatehouse admin create}: an IAM user with full administrator rights and its first access
 * key, printed as {@code aws iam create-access-key} prints a key, so the output can be fed to
 * {@code aws configure} scripts unchanged.
 */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = {"Create an IAM user with full administrator rights and an access key in an account.",
            "Prints the access key as JSON, exactly as 'aws iam create-access-key' does; the secret is shown only here."})
public final class AdminCreateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--account", required = true, paramLabel = "ID_OR_ALIAS",
            description = "The account: its 12-digit ID or its alias.")
    String account;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "The IAM user name.")
    String name;

    @Mixin
    StorageOptions storageOptions;

    @Override
    public Integer call() {
        UserName userName = UserName.of(name);
        try (Storage storage = storageOptions.open()) {
            IdentityServices services = storage.services();
            Account resolved = services.accounts().resolve(account);
            AdministratorCredentials administrator = services.users().createAdministrator(resolved.id(), userName,
                    Origin.LOCAL);
            spec.commandLine().getOut().println(AwsJson.print(describe(administrator)));
        }
        spec.commandLine().getOut().flush();
        return 0;
    }

    private static Map<String, Object> describe(AdministratorCredentials administrator) {
        AccessKey key = administrator.accessKey().key();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("UserName", administrator.user().name().value());
        fields.put("AccessKeyId", key.id().value());
        fields.put("Status", key.status().awsName());
        fields.put("SecretAccessKey", administrator.accessKey().secret().reveal());
        fields.put("CreateDate", AwsJson.timestamp(key.createdAt()));
        return Map.of("AccessKey", fields);
    }
}
