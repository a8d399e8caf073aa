package dev.gatehouse.bench.qr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.qr.QrCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** What the benchmark measures is what the API returns, so that it cannot rot between runs. */
class QrCodeBenchmarkTest {

    private final QrCodeBenchmark benchmark = new QrCodeBenchmark();

    @Test
    void rendersTheKeyUriAsTheLibrarysSymbol() throws IOException {
        byte[] png = benchmark.renderPng();

        assertThat(new QrCodeReader().read(png)).isEqualTo(QrCodeBenchmark.KEY_URI);
        // Four pixels a module, a quiet zone of four modules either side, and the library's symbol.
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo((benchmark.libraryWithItsOwnMaskChoice().size + 8) * 4);
    }
}
