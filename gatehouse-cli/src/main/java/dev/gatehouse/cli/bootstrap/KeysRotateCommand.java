package dev.gatehouse.cli.bootstrap;

import dev.gatehouse.cli.Storage;
import dev.gatehouse.cli.StorageOptions;
import dev.gatehouse.core.audit.Origin;
import dev.gatehouse.core.crypto.KeyRotationService;
import dev.gatehouse.core.crypto.MasterKeySource;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code gatehouse keys rotate}: a new master key, and every MFA seed and access-key secret
 * re-encrypted under it in one transaction.
 */
@Command(name = "rotate", mixinStandardHelpOptions = true,
        description = {"Add a new master key to the key file and re-encrypt every MFA seed and access-key secret"
                + " under it, in one transaction.",
            "With " + MasterKeySource.ENVIRONMENT_VARIABLE + ", append the new key there (OLD,NEW), restart the"
                + " servers, then run this to re-encrypt.",
            "Restart every running server afterwards."})
public final class KeysRotateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StorageOptions storageOptions;

    @Override
    public Integer call() {
        KeyRotationService.Rotation rotation;
        boolean fromEnvironment;
        try (Storage storage = storageOptions.open()) {
            KeyRotationService keyRotation = storage.services().keyRotation();
            fromEnvironment = storage.keySource().fromEnvironment();
            // The environment cannot be written to: there the operator has added the key, and we re-encrypt.
            rotation = fromEnvironment ? keyRotation.reencryptAll(storage.keySource().load(), Origin.LOCAL)
                    : keyRotation.rotate(storage.keySource(), Origin.LOCAL);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println((fromEnvironment ? "Current master key (from " + MasterKeySource.ENVIRONMENT_VARIABLE + "): "
                : "New master key: ") + rotation.currentKeyId());
        out.println("Re-encrypted " + rotation.mfaSeeds() + " MFA seeds and " + rotation.accessKeySecrets()
                + " access-key secrets.");
        out.println("Restart every running gatehouse server: a server keeps the keys it started with"
                + " and cannot open secrets sealed under the new key.");
        out.flush();
        return 0;
    }
}
