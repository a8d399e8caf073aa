package dev.gatehouse.cli.authenticator;

import dev.gatehouse.cli.GatehouseProcess;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.otp.OtpSecret;
import dev.gatehouse.testing.ExternalTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code gatehouse authenticator} as a separate process from the shaded jar, checked against oathtool and zbarimg. */
class AuthenticatorCommandIT {

    private static final String PASSPHRASE = "correct horse battery staple";

    @TempDir
    Path directory;

    private Map<String, String> withPassphrase(Path vault) {
        return Map.of("GATEHOUSE_VAULT_PASSPHRASE", PASSPHRASE, "GATEHOUSE_VAULT", vault.toString());
    }

    private GatehouseProcess.Result gatehouse(Map<String, String> environment, String... arguments) throws Exception {
        return GatehouseProcess.run(directory, environment, arguments);
    }

    /** Instants as epoch seconds or ISO-8601, the two forms --at takes. */
    static Stream<Arguments> parameters() {
        return Stream.of(
                Arguments.of("SHA1", 6, 30, "59"),
                Arguments.of("SHA1", 8, 30, "2026-11-22T21:30:13Z"),
                Arguments.of("SHA256", 6, 60, "2000000000"),
                Arguments.of("SHA256", 7, 15, "2005-03-18T02:58:29+01:00"),
                Arguments.of("SHA512", 8, 30, "20000000000"),
                Arguments.of("SHA512", 6, 90, "2009-02-13T23:31:30Z"));
    }

    @ParameterizedTest(name = "{0}, {1} digits, {2} s, at {3}")
    @MethodSource("parameters")
    void printsTheSameCodesAsOathtool(String algorithm, int digits, int period, String instant) throws Exception {
        Path oathtool = ExternalTool.require("oathtool", "oathtool");
        Path vault = directory.resolve("vault");
        String secret = OtpSecret.generate().toBase32();
        assertThat(gatehouse(withPassphrase(vault), "authenticator", "add", "device", "--secret", secret,
                "--algorithm", algorithm.toLowerCase(Locale.ROOT), "--digits", Integer.toString(digits),
                "--period", Integer.toString(period)).exitCode()).isZero();
        long epochSeconds = instant.matches("[0-9]+") ? Long.parseLong(instant)
                : OffsetDateTime.parse(instant).toEpochSecond();

        GatehouseProcess.Result result = gatehouse(withPassphrase(vault), "authenticator", "code", "device", "--at", instant);

        String expected = GatehouseProcess.runTool(List.of(oathtool.toString(), "--totp=" + algorithm,
                "-d", Integer.toString(digits), "-s", period + "s", "-b", "-N", "@" + epochSeconds, secret));
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo(expected + "\n");
        long remaining = period - Math.floorMod(epochSeconds, period);
        assertThat(result.err()).isEqualTo("valid for " + remaining + (remaining == 1 ? " more second" : " more seconds") + "\n");
    }

    @Test
    void printsTheCodeOathtoolPrintsForNow() throws Exception {
        Path oathtool = ExternalTool.require("oathtool", "oathtool");
        Path vault = directory.resolve("vault");
        String secret = OtpSecret.generate().toBase32();
        gatehouse(withPassphrase(vault), "authenticator", "add", "now", "--secret", secret);
        List<String> oathtoolNow = List.of(oathtool.toString(), "--totp", "-b", secret);

        // Asked before and after, so a step boundary crossed between the calls cannot fail the test.
        String before = GatehouseProcess.runTool(oathtoolNow);
        GatehouseProcess.Result ours = gatehouse(withPassphrase(vault), "authenticator", "code", "now");
        String after = GatehouseProcess.runTool(oathtoolNow);

        assertThat(ours.exitCode()).isZero();
        assertThat(ours.out().strip()).isIn(before, after);
        assertThat(ours.err()).matches("valid for [0-9]+ more seconds?\\R");
    }

    @Test
    void advancesAnHotpCounterAsOathtoolCounts() throws Exception {
        Path oathtool = ExternalTool.require("oathtool", "oathtool");
        Path vault = directory.resolve("vault");
        String secret = OtpSecret.generate().toBase32();
        gatehouse(withPassphrase(vault), "authenticator", "add", "token", "--uri",
                "otpauth://hotp/Example:alice?secret=" + secret + "&counter=41&digits=8&algorithm=SHA1");

        for (int counter = 41; counter <= 43; counter++) {
            String expected = GatehouseProcess.runTool(List.of(oathtool.toString(), "--hotp", "-d", "8",
                    "-c", Integer.toString(counter), "-b", secret));
            assertThat(gatehouse(withPassphrase(vault), "authenticator", "code", "token").out().strip()).isEqualTo(expected);
        }
    }

    @Test
    void neverPrintsTheSameHotpCodeTwiceWhenCommandsRunAtOnce() throws Exception {
        Path oathtool = ExternalTool.require("oathtool", "oathtool");
        Path vault = directory.resolve("vault");
        String secret = OtpSecret.generate().toBase32();
        gatehouse(withPassphrase(vault), "authenticator", "add", "token", "--uri",
                "otpauth://hotp/alice?secret=" + secret + "&counter=0");

        // Started together; the lock beside the vault makes their read-and-advance take turns.
        List<Future<GatehouseProcess.Result>> runs = new ArrayList<>();
        ExecutorService executor = Executors.newFixedThreadPool(3);
        try {
            for (int i = 0; i < 3; i++) {
                runs.add(executor.submit(() -> gatehouse(withPassphrase(vault), "authenticator", "code", "token")));
            }
            List<String> codes = new ArrayList<>();
            for (Future<GatehouseProcess.Result> run : runs) {
                GatehouseProcess.Result result = run.get(120, TimeUnit.SECONDS);
                assertThat(result.exitCode()).as(result.err()).isZero();
                codes.add(result.out().strip());
            }

            List<String> expected = new ArrayList<>();
            for (int counter = 0; counter < 3; counter++) {
                expected.add(GatehouseProcess.runTool(List.of(oathtool.toString(), "--hotp", "-c", Integer.toString(counter), "-b", secret)));
            }
            assertThat(codes).containsExactlyInAnyOrderElementsOf(expected);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void keepsTheVaultReadableByItsOwnerOnlyInTheConfigDirectory() throws Exception {
        Path config = directory.resolve("config");
        Map<String, String> environment = Map.of("GATEHOUSE_VAULT_PASSPHRASE", PASSPHRASE, "XDG_CONFIG_HOME", config.toString());

        GatehouseProcess.Result result = gatehouse(environment, "authenticator", "add", "aws", "--secret", "JBSWY3DPEHPK3PXP");

        assertThat(result.exitCode()).isZero();
        Path vault = config.resolve("gatehouse/authenticator.vault");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(vault))).isEqualTo("rw-------");
        assertThat(gatehouse(environment, "authenticator", "code", "aws", "--at", "59").out()).isEqualTo("996554\n");
    }

    @Test
    void refusesAWrongPassphraseWithExitStatusOneAndLeavesTheVaultUntouched() throws Exception {
        Path vault = directory.resolve("vault");
        gatehouse(withPassphrase(vault), "authenticator", "add", "aws", "--secret", "JBSWY3DPEHPK3PXP");
        byte[] before = Files.readAllBytes(vault);

        GatehouseProcess.Result result = gatehouse(Map.of("GATEHOUSE_VAULT_PASSPHRASE", "wrong", "GATEHOUSE_VAULT", vault.toString()),
                "authenticator", "remove", "aws");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("gatehouse: wrong passphrase or damaged vault: " + vault + "\n");
        assertThat(result.out()).isEmpty();
        assertThat(Files.readAllBytes(vault)).isEqualTo(before);
    }

    @Test
    void failsWithExitStatusOneWithoutAPassphraseOrATerminal() throws Exception {
        GatehouseProcess.Result result = gatehouse(Map.of("GATEHOUSE_VAULT", directory.resolve("vault").toString()),
                "authenticator", "add", "aws", "--secret", "JBSWY3DPEHPK3PXP");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo(
                "gatehouse: no passphrase: set GATEHOUSE_VAULT_PASSPHRASE or run the command in a terminal to type it\n");
    }

    @Test
    void exitsWithStatusTwoOnAUsageErrorAndOneOnAnErrorWithoutAStackTrace() throws Exception {
        Path vault = directory.resolve("vault");
        gatehouse(withPassphrase(vault), "authenticator", "add", "aws", "--secret", "JBSWY3DPEHPK3PXP");

        GatehouseProcess.Result noSource = gatehouse(withPassphrase(vault), "authenticator", "add", "other");
        GatehouseProcess.Result badInstant = gatehouse(withPassphrase(vault), "authenticator", "code", "aws", "--at", "noon");
        GatehouseProcess.Result duplicate = gatehouse(withPassphrase(vault), "authenticator", "add", "aws", "--secret", "GEZDGNBVGY3TQOJQ");
        GatehouseProcess.Result unknown = gatehouse(withPassphrase(vault), "authenticator", "code", "nope");

        assertThat(noSource.exitCode()).isEqualTo(2);
        assertThat(noSource.err()).startsWith("Give exactly one of --uri, --qr or --secret\n");
        assertThat(badInstant.exitCode()).isEqualTo(2);
        assertThat(duplicate.exitCode()).isEqualTo(1);
        assertThat(duplicate.err()).startsWith("gatehouse: an entry named 'aws' already exists");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).isEqualTo("gatehouse: no entry named 'nope' in the vault\n");
        for (GatehouseProcess.Result result : List.of(noSource, badInstant, duplicate, unknown)) {
            assertThat(result.err()).doesNotContain("\tat ", "Exception");
            assertThat(result.out()).isEmpty();
        }
    }

    @Test
    void showsAQrCodeThatZbarimgReadsAndAnotherVaultAdds() throws Exception {
        Path zbarimg = ExternalTool.require("zbarimg", "zbar-tools");
        Path vault = directory.resolve("vault");
        String uri = "otpauth://totp/Amazon%20Web%20Services:root-account-mfa-device@123456789012?secret="
                + OtpSecret.generate().toBase32() + "&issuer=Amazon%20Web%20Services";
        gatehouse(withPassphrase(vault), "authenticator", "add", "aws", "--uri", uri);
        Path png = directory.resolve("aws.png");

        GatehouseProcess.Result shown = gatehouse(withPassphrase(vault), "authenticator", "show", "aws", "--qr", png.toString());

        assertThat(shown.exitCode()).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(png))).isEqualTo("rw-------");
        assertThat(GatehouseProcess.runTool(List.of(zbarimg.toString(), "--raw", "-q", png.toString()))).isEqualTo(uri);
        Path phone = directory.resolve("phone.vault");
        assertThat(gatehouse(withPassphrase(phone), "authenticator", "add", "scanned", "--qr", png.toString()).exitCode()).isZero();
        assertThat(gatehouse(withPassphrase(phone), "authenticator", "code", "scanned", "--at", "1700000000").out())
                .isEqualTo(gatehouse(withPassphrase(vault), "authenticator", "code", "aws", "--at", "1700000000").out());
    }
}
