package dev.gatehouse.cli.authenticator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.otp.KeyUri;
import dev.gatehouse.qr.KeyUriQrCodes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShowCommandTest {

    private static final String URI = "otpauth://totp/Example:alice@example.com?secret=JBSWY3DPEHPK3PXP"
            + "&issuer=Example&algorithm=SHA256&digits=8&period=60";

    @TempDir
    Path directory;

    private Authenticator authenticator;

    @BeforeEach
    void setUp() {
        authenticator = new Authenticator(directory.resolve("test.vault"), new FixedPassphrase("correct horse"));
        authenticator.run("add", "example", "--uri", URI);
    }

    @Test
    void writesTheKeyUriAsAQrCodeOnlyTheOwnerCanRead() throws IOException {
        Path png = directory.resolve("example.png");

        Authenticator.Result result = authenticator.run("show", "example", "--qr", png.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).contains("delete it once scanned");
        assertThat(new KeyUriQrCodes().read(png)).isEqualTo(KeyUri.parse(URI));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(png))).isEqualTo("rw-------");
    }

    @Test
    void aQrCodeItWroteAddsTheSameDeviceElsewhere() {
        Path png = directory.resolve("example.png");
        authenticator.run("show", "example", "--qr", png.toString());
        Authenticator phone = new Authenticator(directory.resolve("phone.vault"), new FixedPassphrase("other"));

        phone.run("add", "scanned", "--qr", png.toString());

        assertThat(phone.run("code", "scanned", "--at", "1700000000").line())
                .isEqualTo(authenticator.run("code", "example", "--at", "1700000000").line());
    }

    @Test
    void refusesToReplaceAnExistingFileWithoutForce() throws IOException {
        Path existing = Files.writeString(directory.resolve("notes.txt"), "keep me", StandardCharsets.UTF_8);

        Authenticator.Result result = authenticator.run("show", "example", "--qr", existing.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("gatehouse: " + existing + " exists; use --force to replace it" + System.lineSeparator());
        assertThat(Files.readString(existing, StandardCharsets.UTF_8)).isEqualTo("keep me");
    }

    @Test
    void replacesAnExistingFileWithForce() throws IOException {
        Path existing = Files.writeString(directory.resolve("old.png"), "old", StandardCharsets.UTF_8);

        assertThat(authenticator.run("show", "example", "--qr", existing.toString(), "--force").exitCode()).isZero();
        assertThat(new KeyUriQrCodes().read(existing)).isEqualTo(KeyUri.parse(URI));
    }

    @Test
    void requiresTheQrOption() {
        Authenticator.Result result = authenticator.run("show", "example");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Missing required option: '--qr=FILE'");
    }

    @Test
    void saysSoWhenNoDeviceHasTheName() {
        Path png = directory.resolve("none.png");

        Authenticator.Result result = authenticator.run("show", "none", "--qr", png.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(png).doesNotExist();
    }
}
