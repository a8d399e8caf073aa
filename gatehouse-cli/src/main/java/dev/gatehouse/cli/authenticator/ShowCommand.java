package dev.gatehouse.cli.authenticator;

import dev.gatehouse.cli.CliException;
import dev.gatehouse.qr.KeyUriQrCodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code authenticator show NAME --qr FILE}: the device's key as a QR code, to scan with a phone. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = {
            "Write a device's QR code, to move it to a phone.",
            "The PNG (mode 0600) holds the key URI with the secret: delete it once scanned.",
        })
final class ShowCommand implements Callable<Integer> {

    @ParentCommand
    AuthenticatorCommand authenticator;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "The device's name in the vault.")
    String name;

    @Option(names = "--qr", required = true, paramLabel = "FILE", description = "The PNG file to write.")
    Path qr;

    @Option(names = "--force", description = "Replace FILE if it exists.")
    boolean force;

    @Override
    public Integer call() {
        // Checked before the passphrase is asked for, so a mistake costs nothing.
        if (Files.isDirectory(qr)) {
            throw new CliException(qr + " is a directory");
        }
        if (Files.exists(qr) && !force) {
            throw new CliException(qr + " exists; use --force to replace it");
        }
        VaultEntry entry;
        try (VaultFile vault = authenticator.vaultFile()) {
            entry = vault.read().require(name);
        }
        byte[] png = new KeyUriQrCodes().renderPng(entry.key());
        try {
            PrivateFiles.writeAtomically(qr, png);
        } catch (IOException e) {
            throw new CliException("cannot write " + qr + ": " + VaultFile.describe(e), e);
        }
        spec.commandLine().getErr().println("wrote the QR code of '" + name + "' to " + qr
                + "; it holds the secret, so delete it once scanned");
        return 0;
    }
}
