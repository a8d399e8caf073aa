package dev.gatehouse.cli.authenticator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListCommandTest {

    private static final String SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    @TempDir
    Path directory;

    private Authenticator authenticator;

    @BeforeEach
    void setUp() {
        authenticator = new Authenticator(directory.resolve("test.vault"), new FixedPassphrase("correct horse"));
    }

    @Test
    void listsEveryDeviceByNameWithItsParametersButNeverItsSecret() {
        authenticator.run("add", "zeta", "--secret", SECRET, "--issuer", "Zeta");
        authenticator.run("add", "alpha", "--uri", "otpauth://hotp/Alpha:bob?secret=" + SECRET + "&counter=4&digits=8&algorithm=SHA256");

        Authenticator.Result result = authenticator.run("list");

        assertThat(result.exitCode()).isZero();
        String newline = System.lineSeparator();
        assertThat(result.out()).isEqualTo(
                "NAME   TYPE  ISSUER  ACCOUNT  ALGORITHM  DIGITS  PERIOD/COUNTER" + newline
                + "alpha  HOTP  Alpha   bob      SHA256     8       4" + newline
                + "zeta   TOTP  Zeta    zeta     SHA1       6       30s" + newline);
        assertThat(result.out() + result.err()).doesNotContain(SECRET, "JBSWY3DP");
    }

    @Test
    void saysSoWhenTheVaultIsEmpty() {
        authenticator.run("add", "only", "--secret", SECRET);
        authenticator.run("remove", "only");

        Authenticator.Result result = authenticator.run("list");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("the vault is empty" + System.lineSeparator());
    }
}
