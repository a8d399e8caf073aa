package dev.gatehouse.cli.authenticator;

import dev.gatehouse.otp.KeyUri;
import dev.gatehouse.otp.OtpType;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code authenticator list}: the devices in the vault and their parameters, never their secrets. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the devices and their parameters, never their secrets.")
final class ListCommand implements Callable<Integer> {

    private static final List<String> HEADINGS =
            List.of("NAME", "TYPE", "ISSUER", "ACCOUNT", "ALGORITHM", "DIGITS", "PERIOD/COUNTER");

    @ParentCommand
    AuthenticatorCommand authenticator;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Vault vault;
        try (VaultFile file = authenticator.vaultFile()) {
            vault = file.read();
        }
        if (vault.entries().isEmpty()) {
            spec.commandLine().getErr().println("the vault is empty");
            return 0;
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADINGS);
        for (VaultEntry entry : vault.entries()) {
            rows.add(row(entry));
        }
        print(rows, spec.commandLine().getOut());
        return 0;
    }

    private static List<String> row(VaultEntry entry) {
        KeyUri key = entry.key();
        return List.of(entry.name(), key.type().name(), key.issuer() == null ? "-" : key.issuer(),
                key.accountName(), key.algorithm().name(), Integer.toString(key.digits()),
                key.type() == OtpType.TOTP ? key.period().getSeconds() + "s" : Long.toString(key.counter()));
    }

    /** Columns padded to their widest cell, two spaces apart, the last one unpadded. */
    private static void print(List<List<String>> rows, PrintWriter out) {
        int[] widths = new int[HEADINGS.size()];
        for (List<String> row : rows) {
            for (int column = 0; column < widths.length; column++) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int column = 0; column < widths.length; column++) {
                String cell = row.get(column);
                line.append(cell);
                if (column < widths.length - 1) {
                    line.append(" ".repeat(widths[column] - cell.length() + 2));
                }
            }
            out.println(line);
        }
    }
}
