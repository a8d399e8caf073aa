package dev.gatehouse.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class BilevelPngTest {

    /** Eleven pixels wide, so that a row needs a second, partly used byte. */
    private static final int WIDTH = 11;

    @Test
    void writesRowsFilteredWithNoneThatImageIoReadsBackPixelForPixel() throws IOException {
        // Row 0: white, black alternating; row 1: all black; row 2: only the last pixel white.
        byte[] rows = {
            BilevelPng.FILTER_NONE, (byte) 0b1010_1010, (byte) 0b1010_0000,
            BilevelPng.FILTER_NONE, 0, 0,
            BilevelPng.FILTER_NONE, 0, (byte) 0b0010_0000,
        };

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(BilevelPng.encode(WIDTH, 3, rows)));

        assertThat(image.getWidth()).isEqualTo(WIDTH);
        assertThat(image.getHeight()).isEqualTo(3);
        for (int x = 0; x < WIDTH; x++) {
            assertThat(isWhite(image, x, 0)).as("row 0, x=%d", x).isEqualTo(x % 2 == 0);
            assertThat(isWhite(image, x, 1)).as("row 1, x=%d", x).isFalse();
            assertThat(isWhite(image, x, 2)).as("row 2, x=%d", x).isEqualTo(x == WIDTH - 1);
        }
    }

    @Test
    void aRowFilteredWithUpAndNoDifferencesRepeatsTheRowAbove() throws IOException {
        byte[] rows = {
            BilevelPng.FILTER_NONE, (byte) 0b1100_1100, (byte) 0b1100_0000,
            BilevelPng.FILTER_UP, 0, 0,
        };

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(BilevelPng.encode(WIDTH, 2, rows)));

        for (int x = 0; x < WIDTH; x++) {
            assertThat(isWhite(image, x, 1)).as("x=%d", x).isEqualTo(isWhite(image, x, 0)).isEqualTo(x % 4 < 2);
        }
    }

    @Test
    void writesTheSignatureAHeaderForOneBitGreyscaleAndChunksWithTheirChecksums() {
        byte[] png = BilevelPng.encode(WIDTH, 1, new byte[] {BilevelPng.FILTER_NONE, 1, 2});

        assertThat(png).startsWith(0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n');
        ByteBuffer buffer = ByteBuffer.wrap(png, 8, png.length - 8);
        List<String> types = new ArrayList<>();
        while (buffer.hasRemaining()) {
            byte[] typeAndData = new byte[4 + buffer.getInt()];
            buffer.get(typeAndData);
            CRC32 crc = new CRC32();
            crc.update(typeAndData);
            String type = new String(typeAndData, 0, 4, StandardCharsets.US_ASCII);
            assertThat(buffer.getInt()).as("CRC of %s", type).isEqualTo((int) crc.getValue());
            if (type.equals("IHDR")) {
                ByteBuffer header = ByteBuffer.wrap(typeAndData, 4, 13);
                assertThat(header.getInt()).isEqualTo(WIDTH);
                assertThat(header.getInt()).isEqualTo(1);
                assertThat(header.get()).as("bit depth").isEqualTo((byte) 1);
                assertThat(header.get()).as("colour type: greyscale").isZero();
            }
            types.add(type);
        }
        assertThat(types).containsExactly("IHDR", "IDAT", "IEND");
    }

    @Test
    void refusesRowsThatDoNotMatchTheSize() {
        assertThatThrownBy(() -> BilevelPng.encode(WIDTH, 2, new byte[3]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 bytes are not 2 rows of 11 pixels");
        assertThatThrownBy(() -> BilevelPng.encode(0, 1, new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }

    private static boolean isWhite(BufferedImage image, int x, int y) {
        return (image.getRGB(x, y) & 0xFFFFFF) == 0xFFFFFF;
    }
}
