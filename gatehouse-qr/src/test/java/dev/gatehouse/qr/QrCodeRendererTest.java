package dev.gatehouse.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class QrCodeRendererTest {

    private static final String AWS_LIKE_URI = "otpauth://totp/Amazon%20Web%20Services:root-account-mfa-device@123456789012"
            + "?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Amazon%20Web%20Services";

    @Test
    void writesAPngWithWholePixelModulesAndAQuietZone() throws IOException {
        byte[] png = new QrCodeRenderer().renderPng(AWS_LIKE_URI);

        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(image.getHeight());
        assertThat(image.getWidth() % QrCodeRenderer.DEFAULT_MODULE_PIXELS).isZero();
        // Large enough to scan from a screen, small enough to fit one.
        assertThat(image.getWidth()).isBetween(250, 700);
        int quietZonePixels = QrCodeRenderer.DEFAULT_QUIET_ZONE_MODULES * QrCodeRenderer.DEFAULT_MODULE_PIXELS;
        for (int i = 0; i < image.getWidth(); i++) {
            assertThat(isWhite(image, i, quietZonePixels - 1)).as("top quiet zone at x=%d", i).isTrue();
            assertThat(isWhite(image, quietZonePixels - 1, i)).as("left quiet zone at y=%d", i).isTrue();
        }
        // The top-left finder pattern starts right after the quiet zone.
        assertThat(isWhite(image, quietZonePixels, quietZonePixels)).isFalse();
    }

    @Test
    void thePngHasExactlyThePixelsOfTheImage() throws IOException {
        QrCodeRenderer renderer = new QrCodeRenderer(QrCodeRenderer.COMPACT_MODULE_PIXELS,
                QrCodeRenderer.DEFAULT_QUIET_ZONE_MODULES);

        BufferedImage fromPng = ImageIO.read(new ByteArrayInputStream(renderer.renderPng(AWS_LIKE_URI)));
        BufferedImage drawn = renderer.render(AWS_LIKE_URI);

        assertThat(fromPng.getWidth()).isEqualTo(drawn.getWidth());
        assertThat(fromPng.getHeight()).isEqualTo(drawn.getHeight());
        int black = 0;
        for (int y = 0; y < drawn.getHeight(); y++) {
            for (int x = 0; x < drawn.getWidth(); x++) {
                assertThat(isWhite(fromPng, x, y)).as("x=%d y=%d", x, y).isEqualTo(isWhite(drawn, x, y));
                black += isWhite(drawn, x, y) ? 0 : 1;
            }
        }
        // A QR code is roughly half dark modules; a blank or black image would pass the loop.
        assertThat(black).isBetween(drawn.getWidth() * drawn.getHeight() / 5, drawn.getWidth() * drawn.getHeight() / 2);
    }

    @Test
    void honoursTheModuleSize() throws IOException {
        BufferedImage small = ImageIO.read(new ByteArrayInputStream(new QrCodeRenderer(2, 4).renderPng("hello")));
        BufferedImage large = ImageIO.read(new ByteArrayInputStream(new QrCodeRenderer(6, 4).renderPng("hello")));

        assertThat(large.getWidth()).isEqualTo(small.getWidth() * 3);
    }

    @Test
    void refusesAQuietZoneBelowTheStandard() {
        assertThatThrownBy(() -> new QrCodeRenderer(8, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("quiet zone");
    }

    @Test
    void refusesEmptyAndOverlongText() {
        QrCodeRenderer renderer = new QrCodeRenderer();
        assertThatThrownBy(() -> renderer.renderPng("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> renderer.renderPng("x".repeat(5000)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too long");
    }

    private static boolean isWhite(BufferedImage image, int x, int y) {
        return (image.getRGB(x, y) & 0xFFFFFF) == 0xFFFFFF;
    }
}
