package dev.gatehouse.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QrCodeRendererTest {

    private static final String AWS_LIKE_URI = "otpauth://totp/Amazon%20Web%20Services:root-account-mfa-device@123456789012"
            + "?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Amazon%20Web%20Services";

    private static final String PANGRAM = "The quick brown fox jumps over the lazy dog, twice as fast as before. ";
    /** 350 characters: a version above 11, too large for the mask to be chosen from bit rows, so the library chooses it. */
    private static final String LONG_TEXT = PANGRAM + PANGRAM + PANGRAM + PANGRAM + PANGRAM;

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

    /**
     * The symbol is the one ZXing's compact encoder makes (the segments of fewest bits), module for
     * module, for text in each encoding mode, a key URI that mixes them, text that needs the UTF-8
     * ECI and text too long for a symbol whose rows fit in a long: the same segments, version, error
     * correction M and mask of lowest penalty, from two implementations of the standard.
     */
    @ParameterizedTest
    @ValueSource(strings = {AWS_LIKE_URI, "0123456789012345", "HELLO WORLD $%*+-./:", "otpauth://totp/Zoë:zoë?secret=ABC",
            LONG_TEXT})
    void drawsTheSymbolZxingsEncoderMakes(String text) throws WriterException {
        BufferedImage drawn = new QrCodeRenderer(1, QrCodeRenderer.DEFAULT_QUIET_ZONE_MODULES).render(text);
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
        hints.put(EncodeHintType.MARGIN, QrCodeRenderer.DEFAULT_QUIET_ZONE_MODULES);
        hints.put(EncodeHintType.QR_COMPACT, Boolean.TRUE.toString());
        if (!StandardCharsets.US_ASCII.newEncoder().canEncode(text)) {
            hints.put(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
        }
        BitMatrix zxing = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, hints);

        assertThat(drawn.getWidth()).isEqualTo(zxing.getWidth());
        for (int y = 0; y < zxing.getHeight(); y++) {
            for (int x = 0; x < zxing.getWidth(); x++) {
                assertThat(isWhite(drawn, x, y)).as("module x=%d y=%d", x, y).isEqualTo(!zxing.get(x, y));
            }
        }
        assertThat(new QrCodeReader().read(new QrCodeRenderer().renderPng(text))).isEqualTo(text);
    }

    /**
     * AWS's seed URI for the root's legacy device: 123 characters, which take version 8 (49 modules)
     * as one byte segment, and version 6 (41) with the 64-character seed in alphanumeric mode.
     */
    @Test
    void encodesAKeyUrisSeedInAlphanumericModeForASmallerSymbol() {
        String uri = "otpauth://totp/root-account-mfa-device@123456789012?secret="
                + "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
        int quietZones = 2 * QrCodeRenderer.DEFAULT_QUIET_ZONE_MODULES;

        BufferedImage drawn = new QrCodeRenderer(1, QrCodeRenderer.DEFAULT_QUIET_ZONE_MODULES).render(uri);

        assertThat(drawn.getWidth() - quietZones).isEqualTo(41);
        assertThat(new QrCodeReader().read(new QrCodeRenderer().renderPng(uri))).isEqualTo(uri);
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
