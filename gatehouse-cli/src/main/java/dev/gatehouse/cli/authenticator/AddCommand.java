package dev.gatehouse.cli.authenticator;

import dev.gatehouse.cli.CliException;
import dev.gatehouse.otp.HmacAlgorithm;
import dev.gatehouse.otp.InvalidKeyUriException;
import dev.gatehouse.otp.KeyUri;
import dev.gatehouse.otp.OtpCodes;
import dev.gatehouse.otp.OtpSecret;
import dev.gatehouse.otp.OtpType;
import dev.gatehouse.otp.TotpParameters;
import dev.gatehouse.qr.KeyUriQrCodes;
import dev.gatehouse.qr.QrCodeException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code authenticator add NAME}: a new device from a key URI, a QR code image, or a Base32 secret. */
@Command(name = "add", mixinStandardHelpOptions = true,
        description = {
            "Add a device to the vault (created if there is none).",
            "Give exactly one of --uri, --qr or --secret; the other options apply to --secret only, "
                    + "with AWS's defaults otherwise.",
        })
final class AddCommand implements Callable<Integer> {

    @ParentCommand
    AuthenticatorCommand authenticator;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "The name to call the device by, unique in the vault.")
    String name;

    // Plain options checked in code rather than picocli argument groups: the groups' errors quote
    // every value given, the secret included, and say less clearly what to do.
    @Option(names = "--uri", paramLabel = "URI", description = "An otpauth://totp/… or otpauth://hotp/… key URI.")
    String uri;

    @Option(names = "--qr", paramLabel = "IMAGE", description = "A PNG or JPEG image of the QR code a service shows.")
    Path qr;

    @Option(names = "--secret", paramLabel = "BASE32",
            description = "The Base32 secret (AWS's \"secret key\"); - reads it from standard input.")
    String secret;

    @Option(names = "--algorithm", paramLabel = "SHA1|SHA256|SHA512", converter = AlgorithmConverter.class,
            description = "With --secret: the HMAC function (default: SHA1).")
    HmacAlgorithm algorithm;

    @Option(names = "--digits", paramLabel = "6..8", description = "With --secret: digits per code (default: 6).")
    Integer digits;

    @Option(names = "--period", paramLabel = "SECONDS", description = "With --secret: seconds per code (default: 30).")
    Long period;

    @Option(names = "--issuer", paramLabel = "ISSUER", description = "With --secret: the service, shown by authenticator apps.")
    String issuer;

    @Option(names = "--account", paramLabel = "ACCOUNT", description = "With --secret: the account at the service (default: NAME).")
    String account;

    @Override
    public Integer call() {
        checkOptions();
        try {
            VaultEntry.checkName(name);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Invalid NAME: " + e.getMessage());
        }
        KeyUri key = key();
        VaultEntry entry = new VaultEntry(name, key);
        try (VaultFile vault = authenticator.vaultFile()) {
            vault.update(current -> current.with(entry), VaultFile.WhenMissing.CREATE);
            spec.commandLine().getErr().println("added '" + name + "' to " + vault.path() + ": " + Describe.parameters(key));
        }
        return 0;
    }

    private void checkOptions() {
        long sources = Stream.of(uri, qr, secret).filter(Objects::nonNull).count();
        if (sources != 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Give exactly one of --uri, --qr or --secret" + (sources == 0 ? "" : ", not " + sources));
        }
        if (secret == null) {
            Map<String, Object> secretOnly = new LinkedHashMap<>();
            secretOnly.put("--algorithm", algorithm);
            secretOnly.put("--digits", digits);
            secretOnly.put("--period", period);
            secretOnly.put("--issuer", issuer);
            secretOnly.put("--account", account);
            secretOnly.forEach((option, value) -> {
                if (value != null) {
                    throw new CommandLine.ParameterException(spec.commandLine(),
                            option + " applies only with --secret; a key URI carries its own parameters");
                }
            });
        }
    }

    private KeyUri key() {
        if (uri != null) {
            try {
                return KeyUri.parse(uri);
            } catch (InvalidKeyUriException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "Invalid --uri: " + e.getMessage());
            }
        }
        if (qr != null) {
            try {
                return new KeyUriQrCodes().read(qr);
            } catch (QrCodeException e) {
                throw new CliException(e.getMessage(), e);
            }
        }
        OtpSecret otpSecret = secret(secret);
        TotpParameters defaults = TotpParameters.AWS_DEFAULT;
        long seconds = period != null ? period : defaults.period().getSeconds();
        if (seconds < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Invalid --period: it must be one second or more, not " + seconds);
        }
        int codeDigits = digits != null ? digits : defaults.digits();
        if (codeDigits < OtpCodes.MINIMUM_DIGITS || codeDigits > OtpCodes.MAXIMUM_DIGITS) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Invalid --digits: it must be "
                    + OtpCodes.MINIMUM_DIGITS + " to " + OtpCodes.MAXIMUM_DIGITS + ", not " + codeDigits);
        }
        try {
            return new KeyUri(OtpType.TOTP, issuer, account != null ? account : name, otpSecret,
                    algorithm != null ? algorithm : defaults.algorithm(), codeDigits, Duration.ofSeconds(seconds), 0);
        } catch (InvalidKeyUriException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Invalid option: " + e.getMessage());
        }
    }

    private OtpSecret secret(String text) {
        String base32 = "-".equals(text) ? readSecretFromInput() : text;
        try {
            return OtpSecret.fromBase32(base32);
        } catch (IllegalArgumentException e) {
            // Base32's message names the bad character, never the secret.
            throw new CommandLine.ParameterException(spec.commandLine(), "Invalid --secret: " + e.getMessage());
        }
    }

    private String readSecretFromInput() {
        try {
            String line = new BufferedReader(new InputStreamReader(authenticator.input(), StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isBlank()) {
                throw new CliException("no secret on standard input");
            }
            return line.strip();
        } catch (IOException e) {
            throw new CliException("cannot read the secret from standard input: " + e.getMessage(), e);
        }
    }

    /** Algorithm names in any case, as key URIs accept them. */
    static final class AlgorithmConverter implements CommandLine.ITypeConverter<HmacAlgorithm> {
        @Override
        public HmacAlgorithm convert(String value) {
            try {
                return HmacAlgorithm.fromUriName(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
