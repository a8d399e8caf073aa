package dev.gatehouse.cli.authenticator;

import dev.gatehouse.otp.HotpGenerator;
import dev.gatehouse.otp.KeyUri;
import dev.gatehouse.otp.OtpType;
import dev.gatehouse.otp.TotpGenerator;
import dev.gatehouse.otp.TotpParameters;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code authenticator code NAME}: the current code on stdout, alone on its line so scripts can
 * capture it; how long it stays valid on stderr.
 */
@Command(name = "code", mixinStandardHelpOptions = true,
        description = {
            "Print a device's code.",
            "For TOTP, the code for now or for --at on standard output, and on standard error how many "
                    + "seconds it stays valid. For HOTP, the code for the stored counter, which then moves on by one.",
        })
final class CodeCommand implements Callable<Integer> {

    @ParentCommand
    AuthenticatorCommand authenticator;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "The device's name in the vault.")
    String name;

    @Option(names = "--at", paramLabel = "INSTANT", converter = InstantConverter.class,
            description = "The time of the code: ISO-8601 (2026-11-22T21:30:00Z) or epoch seconds (TOTP only).")
    Instant at;

    @Override
    public Integer call() {
        KeyUri key;
        try (VaultFile vault = authenticator.vaultFile()) {
            // A TOTP code only reads; an HOTP code then updates, reusing the passphrase and key.
            key = vault.read().require(name).key();
            if (key.type() == OtpType.HOTP) {
                return hotp(vault);
            }
        }
        Instant instant = at != null ? at : authenticator.clock().instant();
        TotpParameters parameters = key.totpParameters();
        String code = new TotpGenerator(parameters).generateOneTimePassword(key.secret(), instant);
        Duration remaining = parameters.remainingValidity(instant);
        // Rounded up: with 0.4 s left the code is still good, so "valid for 1 more second", not 0.
        long seconds = (remaining.toMillis() + 999) / 1000;
        spec.commandLine().getOut().println(code);
        spec.commandLine().getErr().println("valid for " + seconds + (seconds == 1 ? " more second" : " more seconds"));
        return 0;
    }

    private int hotp(VaultFile vault) {
        if (at != null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--at applies only to TOTP devices; '" + name + "' is an HOTP device");
        }
        // The counter moves on in the same locked update that reads it, and the code is printed only
        // once that write succeeded: no two calls print the same HOTP code.
        AtomicReference<String> code = new AtomicReference<>();
        AtomicReference<Long> counter = new AtomicReference<>();
        vault.update(current -> {
            VaultEntry entry = current.require(name);
            KeyUri key = entry.key();
            code.set(new HotpGenerator(key.algorithm(), key.digits()).generateOneTimePasswordString(key.secret(), key.counter()));
            counter.set(key.counter());
            return current.replacing(entry.withNextCounter());
        }, VaultFile.WhenMissing.REFUSE);
        spec.commandLine().getOut().println(code.get());
        spec.commandLine().getErr().println("HOTP counter " + counter.get() + "; the next code will use " + (counter.get() + 1));
        return 0;
    }
}
