package dev.gatehouse.qr;

import io.nayuki.qrcodegen.DataTooLongException;
import io.nayuki.qrcodegen.QrCode;
import io.nayuki.qrcodegen.QrSegment;
import io.nayuki.qrcodegen.QrSegmentAdvanced;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * Renders text as a black-on-white PNG QR code. Immutable and thread-safe.
 *
 * <p>Error correction M (15%) is what authenticator apps and AWS use: it survives a smudged
 * screen or a photo at an angle without making the symbol much denser. The quiet zone of four
 * modules is the minimum ISO/IEC 18004 asks for; without it phone scanners often fail.
 */
public final class QrCodeRenderer {

    /**
     * Eight pixels per module: the key URI of an AWS seed (64 characters) becomes a symbol of 37 to
     * 41 modules, so a PNG of 360 to 390 pixels, easy to scan from a laptop screen at 100% zoom.
     */
    public static final int DEFAULT_MODULE_PIXELS = 8;

    /**
     * Four pixels per module: about 200 pixels for an AWS seed URI, the size of the QR code AWS
     * shows, for images an API returns by the thousand; each costs a quarter of the default's
     * pixels to encode.
     */
    public static final int COMPACT_MODULE_PIXELS = 4;

    /**
     * The library's own choice of mask, for symbols too large for {@link LowestPenaltyMask} (over
     * version 11, far beyond a key URI): their encoding with mask 0 is then wasted.
     */
    private static final int AUTOMATIC_MASK = -1;

    /** The ECI assignment number of UTF-8. */
    private static final int UTF_8_ECI = 26;

    /** The minimum quiet zone of the QR code standard, in modules. */
    public static final int DEFAULT_QUIET_ZONE_MODULES = 4;

    private final int modulePixels;
    private final int quietZoneModules;

    /** A renderer with {@value #DEFAULT_MODULE_PIXELS} pixels per module and a four-module quiet zone. */
    public QrCodeRenderer() {
        this(DEFAULT_MODULE_PIXELS, DEFAULT_QUIET_ZONE_MODULES);
    }

    /**
     * @throws IllegalArgumentException if a module is not 1 to 64 pixels or the quiet zone is
     *     below the standard's four modules or above 16
     */
    public QrCodeRenderer(int modulePixels, int quietZoneModules) {
        if (modulePixels < 1 || modulePixels > 64) {
            throw new IllegalArgumentException("a module must be 1 to 64 pixels, not " + modulePixels);
        }
        if (quietZoneModules < DEFAULT_QUIET_ZONE_MODULES || quietZoneModules > 16) {
            throw new IllegalArgumentException("the quiet zone must be 4 to 16 modules, not " + quietZoneModules);
        }
        this.modulePixels = modulePixels;
        this.quietZoneModules = quietZoneModules;
    }

    /**
     * The PNG bytes of a QR code holding {@code text}: one bit per pixel, black on white.
     *
     * @throws IllegalArgumentException if the text is empty or too long for a QR code
     */
    public byte[] renderPng(String text) {
        QrModules symbol = encode(text);
        int size = pixelSize(symbol);
        int stride = 1 + BilevelPng.rowBytes(size);
        byte[] rows = new byte[size * stride];
        // The first row of each band of modules is drawn and filtered with None (zero); the
        // others repeat it, so they are left at zero and filtered with Up, which makes them the row
        // above: zeros deflate to next to nothing.
        draw(symbol, rows, 1, stride, false);
        for (int y = 0; y < size; y++) {
            if (y % modulePixels != 0) {
                rows[y * stride] = BilevelPng.FILTER_UP;
            }
        }
        return BilevelPng.encode(size, size, rows);
    }

    /** The QR code of {@code text} as an image, one-bit black on white. */
    public BufferedImage render(String text) {
        QrModules symbol = encode(text);
        int size = pixelSize(symbol);
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
        // Straight into the packed raster, which has the layout draw writes: setRGB per pixel
        // looked each colour up and cost milliseconds.
        draw(symbol, ((DataBufferByte) image.getRaster().getDataBuffer()).getData(), 0, BilevelPng.rowBytes(size), true);
        return image;
    }

    /**
     * Draws the symbol and its quiet zone scaled to {@link #modulePixels} into {@code pixels}, one
     * bit per pixel, most significant bit first, a set bit white, the image's row {@code y} at
     * {@code firstRow + y * stride}; other bytes are left as they are. Without {@code repeatRows}
     * only the first row of each band of modules is drawn.
     */
    private void draw(QrModules symbol, byte[] pixels, int firstRow, int stride, boolean repeatRows) {
        // Every module is exactly modulePixels square, which scanners like best.
        int modules = symbol.size() + 2 * quietZoneModules;
        int size = pixelSize(symbol);
        int rowBytes = BilevelPng.rowBytes(size);
        for (int moduleY = 0; moduleY < modules; moduleY++) {
            int row = firstRow + moduleY * modulePixels * stride;
            int symbolY = moduleY - quietZoneModules;
            for (int x = 0; x < size; x++) {
                int symbolX = x / modulePixels - quietZoneModules;
                if (!isDark(symbol, symbolX, symbolY)) {
                    pixels[row + x / 8] |= (byte) (0x80 >>> (x % 8));
                }
            }
            for (int copy = 1; repeatRows && copy < modulePixels; copy++) {
                System.arraycopy(pixels, row, pixels, row + copy * stride, rowBytes);
            }
        }
    }

    /** Outside the symbol is the quiet zone: light. */
    private static boolean isDark(QrModules symbol, int x, int y) {
        return x >= 0 && y >= 0 && x < symbol.size() && y < symbol.size() && symbol.isDark(x, y);
    }

    private int pixelSize(QrModules symbol) {
        return (symbol.size() + 2 * quietZoneModules) * modulePixels;
    }

    /**
     * The symbol of {@code text} at error correction M, in the smallest version that holds it, with
     * the mask of lowest penalty (ISO/IEC 18004, 7.8.3). For the texts its test checks, Nayuki's
     * encoder makes the same symbol as ZXing's compact encoder, module for module; it was chosen for
     * taking two thirds of the time of ZXing's encoder (each with one segment). Most of either was
     * scoring the eight masks, which an API creating devices pays on every one: {@link
     * LowestPenaltyMask} makes the library's choice from one encoding with mask 0, and its bits of
     * the winner are the symbol.
     *
     * <p>ASCII text is split into the segments that take the fewest bits, each in its own mode: a key
     * URI's upper-case base32 seed in alphanumeric mode (5.5 bits a character) after the rest in byte
     * mode (8), which makes the symbol of an AWS seed URI one or two versions smaller than one byte
     * segment: fewer modules for a phone to resolve, and fewer to score. Every QR decoder reads mixed
     * modes; they are in the standard since its first edition.
     */
    private static QrModules encode(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty()) {
            throw new IllegalArgumentException("cannot render an empty text as a QR code");
        }
        try {
            // Key URIs are percent-encoded ASCII. Only other text gets an explicit UTF-8 ECI header,
            // which a few older scanners mishandle.
            List<QrSegment> segments = StandardCharsets.US_ASCII.newEncoder().canEncode(text)
                    ? QrSegmentAdvanced.makeSegmentsOptimally(text, QrCode.Ecc.MEDIUM, QrCode.MIN_VERSION,
                            QrCode.MAX_VERSION)
                    : List.of(QrSegment.makeEci(UTF_8_ECI), QrSegment.makeBytes(text.getBytes(StandardCharsets.UTF_8)));
            // No boost of the error correction: M, as stated, whatever room the version leaves.
            QrCode withMask0 = QrCode.encodeSegments(segments, QrCode.Ecc.MEDIUM, QrCode.MIN_VERSION, QrCode.MAX_VERSION,
                    0, false);
            return withMask0.size <= LowestPenaltyMask.MAX_SIZE ? LowestPenaltyMask.lowestPenaltySymbol(withMask0)
                    : QrModules.of(QrCode.encodeSegments(segments, QrCode.Ecc.MEDIUM, withMask0.version,
                            withMask0.version, AUTOMATIC_MASK, false));
        } catch (DataTooLongException e) {
            throw new IllegalArgumentException("the text is too long for a QR code (" + text.length() + " characters)", e);
        }
    }
}
