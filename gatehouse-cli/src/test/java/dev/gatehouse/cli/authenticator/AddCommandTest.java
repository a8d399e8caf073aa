package dev.gatehouse.cli.authenticator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.qr.QrCodeRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddCommandTest {

    private static final String SECRET = "JBSWY3DPEHPK3PXP";

    @TempDir
    Path directory;

    private FixedPassphrase passphrase;
    private Authenticator authenticator;

    @BeforeEach
    void setUp() {
        passphrase = new FixedPassphrase("correct horse");
        authenticator = new Authenticator(directory.resolve("test.vault"), passphrase);
    }

    @Test
    void addsASecretWithAwsDefaultsAndCreatesTheVault() {
        Authenticator.Result result = authenticator.run("add", "aws-root", "--secret", SECRET);

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).contains("added 'aws-root'", "TOTP every 30 s, SHA1, 6 digits");
        assertThat(authenticator.vault()).exists();
        assertThat(passphrase.requests()).containsExactly("new");
        assertThat(authenticator.run("list").out()).containsPattern("aws-root +TOTP +- +aws-root +SHA1 +6 +30s");
        // oathtool --totp -b JBSWY3DPEHPK3PXP -N @59
        assertThat(authenticator.run("code", "aws-root", "--at", "59").line()).isEqualTo("996554");
    }

    @Test
    void takesTheParametersGivenWithASecret() {
        Authenticator.Result result = authenticator.run("add", "work", "--secret", "jbsw y3dp ehpk 3pxp",
                "--algorithm", "sha512", "--digits", "8", "--period", "60", "--issuer", "Example Corp", "--account", "alice@example.com");

        assertThat(result.exitCode()).isZero();
        assertThat(authenticator.run("list").out())
                .containsPattern("work +TOTP +Example Corp +alice@example.com +SHA512 +8 +60s");
        // oathtool --totp=sha512 -d 8 -s 60s -b JBSWY3DPEHPK3PXP -N @1700000000
        assertThat(authenticator.run("code", "work", "--at", "1700000000").line()).isEqualTo("25721347");
    }

    @Test
    void addsAKeyUri() {
        Authenticator.Result result = authenticator.run("add", "github", "--uri",
                "otpauth://totp/GitHub:octocat?secret=" + SECRET + "&issuer=GitHub&algorithm=SHA256&digits=7&period=45");

        assertThat(result.exitCode()).isZero();
        assertThat(authenticator.run("list").out()).containsPattern("github +TOTP +GitHub +octocat +SHA256 +7 +45s");
    }

    @Test
    void addsTheKeyUriOfAQrCodeImage() throws IOException {
        Path image = Files.write(directory.resolve("code.png"), new QrCodeRenderer().renderPng(
                "otpauth://totp/Amazon%20Web%20Services:root-account-mfa-device@123456789012?secret=" + SECRET));

        Authenticator.Result result = authenticator.run("add", "aws", "--qr", image.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(authenticator.run("list").out())
                .containsPattern("aws +TOTP +Amazon Web Services +root-account-mfa-device@123456789012 +SHA1 +6 +30s");
        assertThat(authenticator.run("code", "aws", "--at", "59").line()).isEqualTo("996554");
    }

    @Test
    void readsTheSecretFromStandardInputSoItStaysOutOfTheProcessList() {
        authenticator.withInput(SECRET + "\n");

        assertThat(authenticator.run("add", "piped", "--secret", "-").exitCode()).isZero();
        assertThat(authenticator.run("code", "piped", "--at", "59").line()).isEqualTo("996554");
    }

    @Test
    void saysSoWhenStandardInputHoldsNoSecret() {
        Authenticator.Result result = authenticator.run("add", "piped", "--secret", "-");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("gatehouse: no secret on standard input" + System.lineSeparator());
        assertThat(authenticator.vault()).doesNotExist();
    }

    @Test
    void refusesADuplicateNameAndLeavesTheVaultAsItWas() throws IOException {
        authenticator.run("add", "aws", "--secret", SECRET);
        byte[] before = authenticator.vaultBytes();

        Authenticator.Result result = authenticator.run("add", "aws", "--secret", "GEZDGNBVGY3TQOJQ");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("gatehouse: an entry named 'aws' already exists; "
                + "remove it first or choose another name" + System.lineSeparator());
        assertThat(authenticator.vaultBytes()).isEqualTo(before);
    }

    @Test
    void asksForTheExistingPassphraseWhenTheVaultExists() {
        authenticator.run("add", "one", "--secret", SECRET);
        authenticator.run("add", "two", "--secret", SECRET);

        assertThat(passphrase.requests()).containsExactly("new", "existing");
    }

    @Test
    void requiresOneSource() {
        Authenticator.Result result = authenticator.run("add", "aws");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("Give exactly one of --uri, --qr or --secret" + System.lineSeparator());
        assertThat(authenticator.vault()).doesNotExist();
    }

    @Test
    void refusesTwoSources() {
        Authenticator.Result result = authenticator.run("add", "aws", "--secret", SECRET, "--uri", "otpauth://totp/a?secret=" + SECRET);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("Give exactly one of --uri, --qr or --secret, not 2" + System.lineSeparator())
                .doesNotContain(SECRET);
    }

    @Test
    void refusesSecretOptionsWithAKeyUri() {
        Authenticator.Result result = authenticator.run("add", "aws", "--uri", "otpauth://totp/a?secret=" + SECRET, "--digits", "8");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("--digits applies only with --secret; a key URI carries its own parameters");
        assertThat(authenticator.vault()).doesNotExist();
    }

    @Test
    void refusesASecretThatIsNotBase32WithoutEchoingIt() {
        Authenticator.Result result = authenticator.run("add", "aws", "--secret", "JBSWY3DPEHPK3PX1");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Invalid --secret", "'1'").doesNotContain("JBSWY3DPEHPK3PX1");
    }

    @ParameterizedTest(name = "--digits {0}")
    @ValueSource(strings = {"5", "9"})
    void refusesDigitsOutsideSixToEight(String digits) {
        Authenticator.Result result = authenticator.run("add", "aws", "--secret", SECRET, "--digits", digits);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("Invalid --digits: it must be 6 to 8, not " + digits);
    }

    @Test
    void refusesAPeriodBelowOneSecond() {
        Authenticator.Result result = authenticator.run("add", "aws", "--secret", SECRET, "--period", "0");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Invalid --period");
    }

    @Test
    void refusesAnUnknownAlgorithm() {
        Authenticator.Result result = authenticator.run("add", "aws", "--secret", SECRET, "--algorithm", "MD5");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("unknown algorithm 'MD5' (expected SHA1, SHA256 or SHA512)");
    }

    @Test
    void refusesAMalformedKeyUriSayingWhatIsWrong() {
        Authenticator.Result result = authenticator.run("add", "aws", "--uri", "otpauth://totp/alice?issuer=Example");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Invalid --uri: the key URI has no secret");
    }

    @Test
    void refusesAnImageWithoutAQrCode() throws IOException {
        Path text = Files.writeString(directory.resolve("photo.jpg"), "not a photo", StandardCharsets.UTF_8);

        Authenticator.Result result = authenticator.run("add", "aws", "--qr", text.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("gatehouse: " + text + " is not an image (PNG or JPEG expected)" + System.lineSeparator());
        assertThat(authenticator.vault()).doesNotExist();
    }

    @Test
    void refusesAQrCodeThatIsNotAKeyUri() throws IOException {
        Path image = Files.write(directory.resolve("link.png"), new QrCodeRenderer().renderPng("https://example.com/"));

        Authenticator.Result result = authenticator.run("add", "aws", "--qr", image.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("does not hold an otpauth:// key URI: not a key URI: it must start with otpauth://");
    }

    @Test
    void refusesAnIssuerThatCannotBeWrittenInAKeyUri() {
        Authenticator.Result result = authenticator.run("add", "aws", "--secret", SECRET, "--issuer", "a:b");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("Invalid option: the issuer must be non-blank and cannot contain ':'");
    }

    @Test
    void refusesANameWithControlCharacters() {
        Authenticator.Result result = authenticator.run("add", "evil\u001b[2J", "--secret", SECRET);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Invalid NAME: the name cannot contain control characters");
    }
}
