package dev.gatehouse.bench.qr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.qr.QrCodeReader;
import io.nayuki.qrcodegen.QrCode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** What the benchmark measures is what the API returns, so that it cannot rot between runs. */
class QrCodeBenchmarkTest {

    private static final int MODULE_PIXELS = 4;
    private static final int QUIET_ZONE = 4;

    private final QrCodeBenchmark benchmark = new QrCodeBenchmark();

    /** The PNG holds the key URI, and is the library's own symbol (its choice of mask), module for module. */
    @Test
    void rendersTheKeyUriAsTheLibrarysSymbol() throws IOException {
        byte[] png = benchmark.renderPng();
        QrCode library = benchmark.libraryWithItsOwnMaskChoice();

        assertThat(new QrCodeReader().read(png)).isEqualTo(QrCodeBenchmark.KEY_URI);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo((library.size + 2 * QUIET_ZONE) * MODULE_PIXELS);
        for (int y = 0; y < library.size; y++) {
            for (int x = 0; x < library.size; x++) {
                int centre = (QUIET_ZONE * MODULE_PIXELS) + MODULE_PIXELS / 2;
                boolean dark = (image.getRGB(centre + x * MODULE_PIXELS, centre + y * MODULE_PIXELS) & 0xFFFFFF) == 0;
                assertThat(dark).as("module x=%d y=%d", x, y).isEqualTo(library.getModule(x, y));
            }
        }
    }
}
