package dev.gatehouse.qr;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes a one-bit greyscale PNG (PNG specification, third edition: IHDR bit depth 1, colour
 * type 0) from rows that are already packed and filtered.
 *
 * <p>Why not ImageIO: its PNG writer looks up a writer through the service registry, wraps the
 * output in an image stream and converts the raster a pixel at a time; for the 200-pixel QR codes
 * of CreateVirtualMFADevice that took about ten times as long as deflating the rows, which is all a
 * PNG of a black-and-white image needs.
 */
final class BilevelPng {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final int BIT_DEPTH = 1;
    private static final int GREYSCALE = 0;
    /** The only compression, filter method and interlace values for an image without interlacing. */
    private static final int DEFLATE = 0;
    private static final int ADAPTIVE_FILTERING = 0;
    private static final int NO_INTERLACE = 0;

    /** Filter type None: the row's bytes are the pixels. */
    static final byte FILTER_NONE = 0;
    /** Filter type Up: the row's bytes are the pixels minus (XOR, for one bit) those of the row above. */
    static final byte FILTER_UP = 2;

    private BilevelPng() {
    }

    /** The bytes of a row of {@code width} pixels, one bit each, without its filter-type byte. */
    static int rowBytes(int width) {
        return (width + 7) / 8;
    }

    /**
     * The PNG of a {@code width} by {@code height} image whose rows are in {@code filteredRows}:
     * each a filter-type byte followed by {@link #rowBytes(int)} bytes, most significant bit first,
     * a set bit white.
     *
     * @throws IllegalArgumentException if the dimensions are not positive or the rows are not that size
     */
    static byte[] encode(int width, int height, byte[] filteredRows) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("an image must have pixels, not " + width + "x" + height);
        }
        if (filteredRows.length != (long) height * (1 + rowBytes(width))) {
            throw new IllegalArgumentException(filteredRows.length + " bytes are not " + height + " rows of " + width
                    + " pixels");
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream(1024);
        png.writeBytes(SIGNATURE);
        ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) BIT_DEPTH)
                .put((byte) GREYSCALE).put((byte) DEFLATE).put((byte) ADAPTIVE_FILTERING).put((byte) NO_INTERLACE);
        chunk(png, "IHDR", header.array(), header.position());
        byte[] compressed = deflate(filteredRows);
        chunk(png, "IDAT", compressed, compressed.length);
        chunk(png, "IEND", new byte[0], 0);
        return png.toByteArray();
    }

    /** The rows as one zlib stream, the form IDAT holds. */
    private static byte[] deflate(byte[] data) {
        // The fastest level: for a QR code it costs a fifth of the default level's time, and the
        // PNG grows by a tenth at most, since the Up-filtered rows are runs of zeros at any level.
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream compressed = new ByteArrayOutputStream(data.length / 4 + 64);
            byte[] buffer = new byte[4096];
            while (!deflater.finished()) {
                compressed.write(buffer, 0, deflater.deflate(buffer));
            }
            return compressed.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /** Length, type, data and the CRC-32 of type and data. */
    private static void chunk(ByteArrayOutputStream png, String type, byte[] data, int length) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data, 0, length);
        png.writeBytes(ByteBuffer.allocate(4).putInt(length).array());
        png.writeBytes(typeBytes);
        png.write(data, 0, length);
        png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
