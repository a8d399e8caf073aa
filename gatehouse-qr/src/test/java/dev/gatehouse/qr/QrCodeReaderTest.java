package dev.gatehouse.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QrCodeReaderTest {

    private static final String URI = "otpauth://totp/Example:alice@example.com?secret=JBSWY3DPEHPK3PXP&issuer=Example";

    private final QrCodeRenderer renderer = new QrCodeRenderer();
    private final QrCodeReader reader = new QrCodeReader();

    @TempDir
    Path directory;

    @Test
    void readsBackTheTextOfARenderedPng() throws IOException {
        Path png = Files.write(directory.resolve("code.png"), renderer.renderPng(URI));

        assertThat(reader.read(png)).isEqualTo(URI);
    }

    @Test
    void readsBackNonAsciiText() {
        String text = "Grüße, 東京 ✓";

        assertThat(reader.read(renderer.renderPng(text))).isEqualTo(text);
    }

    @Test
    void readsAJpeg() throws IOException {
        byte[] jpeg = encode(onWhiteCanvas(renderer.render(URI), 40), "jpg");

        assertThat(jpeg).startsWith(0xFF, 0xD8);
        assertThat(reader.read(jpeg)).isEqualTo(URI);
    }

    @Test
    void readsALightOnDarkScreenshot() throws IOException {
        BufferedImage image = renderer.render(URI);
        BufferedImage inverted = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                inverted.setRGB(x, y, ~image.getRGB(x, y) & 0xFFFFFF);
            }
        }

        assertThat(reader.read(encode(inverted, "png"))).isEqualTo(URI);
    }

    @Test
    void saysSoWhenAnImageHoldsNoQrCode() throws IOException {
        Path blank = Files.write(directory.resolve("blank.png"), encode(onWhiteCanvas(null, 300), "png"));

        assertThatThrownBy(() -> reader.read(blank))
                .isInstanceOf(QrCodeException.class)
                .hasMessage("no QR code found in " + blank)
                .extracting(e -> ((QrCodeException) e).reason()).isEqualTo(QrCodeException.Reason.NO_QR_CODE);
    }

    @Test
    void saysSoWhenAFileIsNotAnImage() throws IOException {
        Path text = Files.writeString(directory.resolve("notes.png"), "not an image at all", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> reader.read(text))
                .isInstanceOf(QrCodeException.class)
                .hasMessage(text + " is not an image (PNG or JPEG expected)")
                .extracting(e -> ((QrCodeException) e).reason()).isEqualTo(QrCodeException.Reason.NOT_AN_IMAGE);
    }

    @Test
    void saysSoWhenAnImageIsTruncated() throws IOException {
        byte[] png = renderer.renderPng(URI);
        byte[] truncated = java.util.Arrays.copyOf(png, png.length / 2);

        assertThatThrownBy(() -> reader.read(truncated))
                .isInstanceOf(QrCodeException.class)
                .extracting(e -> ((QrCodeException) e).reason()).isEqualTo(QrCodeException.Reason.NOT_AN_IMAGE);
    }

    @Test
    void refusesAnImageTooLargeToDecodeSafely() throws IOException {
        // 81 megapixels of one-bit white: about 10 kB of PNG, but gigabytes once decoded as RGB.
        byte[] png = encode(new BufferedImage(9000, 9000, BufferedImage.TYPE_BYTE_BINARY), "png");

        assertThatThrownBy(() -> reader.read(png))
                .isInstanceOf(QrCodeException.class)
                .hasMessage("the image is 9000x9000 pixels, too large for an image of a QR code");
    }

    @Test
    void saysSoWhenTheFileIsMissing() {
        Path missing = directory.resolve("missing.png");

        assertThatThrownBy(() -> reader.read(missing))
                .isInstanceOf(QrCodeException.class)
                .hasMessage("no such file: " + missing)
                .extracting(e -> ((QrCodeException) e).reason()).isEqualTo(QrCodeException.Reason.UNREADABLE_FILE);
    }

    /** The QR code (or nothing) centred on a white RGB canvas, as a photo or screenshot would hold it. */
    static BufferedImage onWhiteCanvas(BufferedImage code, int border) {
        int width = (code == null ? 0 : code.getWidth()) + 2 * border;
        BufferedImage canvas = new BufferedImage(width, width, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = canvas.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, width, width);
        if (code != null) {
            graphics.drawImage(code, border, border, null);
        }
        graphics.dispose();
        return canvas;
    }

    static byte[] encode(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, format, bytes)).as("a writer for %s", format).isTrue();
        return bytes.toByteArray();
    }
}
