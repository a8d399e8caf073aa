package dev.gatehouse.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.otp.HmacAlgorithm;
import dev.gatehouse.otp.KeyUri;
import dev.gatehouse.otp.OtpSecret;
import dev.gatehouse.otp.TotpParameters;
import dev.gatehouse.testing.ExternalTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

class KeyUriQrCodesTest {

    private static final KeyUri KEY_URI = KeyUri.totp("Gatehouse Test", "alice@example.com",
            OtpSecret.generate(), new TotpParameters(HmacAlgorithm.SHA256, 8, Duration.ofSeconds(60)));

    private final KeyUriQrCodes codes = new KeyUriQrCodes();

    @TempDir
    Path directory;

    @Test
    void readsBackEveryCodeItDraws() {
        // ZXing's finder-pattern search alone missed 19 of the first 2,000 of these (among them
        // numbers 11, 19 and 304): a wizard or a script would have failed about once in a hundred.
        Random seeds = new Random(42);
        for (int i = 0; i < 400; i++) {
            byte[] seed = new byte[OtpSecret.DEFAULT_LENGTH];
            seeds.nextBytes(seed);
            KeyUri uri = KeyUri.totp(null, "device" + i + "@123456789012", OtpSecret.of(seed), TotpParameters.AWS_DEFAULT);

            assertThat(codes.read(codes.renderPng(uri))).as("code number %d", i).isEqualTo(uri);
        }
    }

    @Test
    void readsBackTheKeyUriItRendered() throws IOException {
        Path png = Files.write(directory.resolve("key.png"), codes.renderPng(KEY_URI));

        KeyUri read = codes.read(png);

        assertThat(read).isEqualTo(KEY_URI);
        assertThat(read.secret()).isEqualTo(KEY_URI.secret());
    }

    @ParameterizedTest
    @ValueSource(ints = {QrCodeRenderer.DEFAULT_MODULE_PIXELS, QrCodeRenderer.COMPACT_MODULE_PIXELS})
    void anIndependentDecoderZbarimgReadsOurPng(int modulePixels) throws IOException, InterruptedException {
        Path zbarimg = ExternalTool.require("zbarimg", "zbar-tools");
        KeyUriQrCodes sized = new KeyUriQrCodes(new QrCodeRenderer(modulePixels, QrCodeRenderer.DEFAULT_QUIET_ZONE_MODULES),
                new QrCodeReader());
        Path png = Files.write(directory.resolve("key.png"), sized.renderPng(KEY_URI));

        Path errors = directory.resolve("zbarimg.err");
        // Standard error apart: zbarimg may complain there about D-Bus, which has nothing to do with us.
        Process process = new ProcessBuilder(zbarimg.toString(), "--raw", "-q", png.toString())
                .redirectError(errors.toFile()).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as("zbarimg: %s", Files.readString(errors, StandardCharsets.UTF_8)).isZero();
        assertThat(output.strip()).isEqualTo(KEY_URI.toUriString());
    }

    @Test
    void refusesAQrCodeThatIsNotAKeyUri() {
        byte[] png = new QrCodeRenderer().renderPng("https://example.com/");

        assertThatThrownBy(() -> codes.read(png))
                .isInstanceOf(QrCodeException.class)
                .hasMessage("the QR code in the image does not hold an otpauth:// key URI: "
                        + "not a key URI: it must start with otpauth://")
                .extracting(e -> ((QrCodeException) e).reason()).isEqualTo(QrCodeException.Reason.NOT_A_KEY_URI);
    }

    @Test
    void saysWhatIsWrongWithAnInvalidKeyUriWithoutShowingTheSecret() {
        byte[] png = new QrCodeRenderer().renderPng("otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&digits=12");

        assertThatThrownBy(() -> codes.read(png))
                .isInstanceOf(QrCodeException.class)
                .hasMessageStartingWith("the QR code in the image does not hold an otpauth:// key URI: digits")
                .hasMessageNotContaining("JBSWY3DPEHPK3PXP");
    }
}
