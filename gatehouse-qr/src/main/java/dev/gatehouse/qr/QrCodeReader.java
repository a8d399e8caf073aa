package dev.gatehouse.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.LuminanceSource;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads the text of a QR code from an image: PNG, JPEG, or any other format the JDK's ImageIO
 * reads (GIF, BMP). Stateless and thread-safe.
 */
public final class QrCodeReader {

    /** Refuse larger files before decoding them: a screenshot or photo is far smaller. */
    public static final long MAXIMUM_FILE_BYTES = 32L * 1024 * 1024;

    /** 64 megapixels: more than any phone photo, far less than would exhaust the heap. */
    public static final long MAXIMUM_PIXELS = 64L * 1024 * 1024;

    private static final Map<DecodeHintType, Object> HINTS = hints(false);
    private static final Map<DecodeHintType, Object> PURE_HINTS = hints(true);

    /**
     * The text of the QR code in the image file at {@code path}.
     *
     * @throws QrCodeException if the file cannot be read, is not an image, holds no QR code or a
     *     damaged one
     */
    public String read(Path path) {
        Objects.requireNonNull(path, "path");
        byte[] bytes;
        try {
            if (Files.size(path) > MAXIMUM_FILE_BYTES) {
                throw new QrCodeException(QrCodeException.Reason.NOT_AN_IMAGE,
                        path + " is larger than " + MAXIMUM_FILE_BYTES / (1024 * 1024) + " MiB; not an image of a QR code");
            }
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new QrCodeException(QrCodeException.Reason.UNREADABLE_FILE, "no such file: " + path, e);
        } catch (AccessDeniedException e) {
            throw new QrCodeException(QrCodeException.Reason.UNREADABLE_FILE, "permission denied: " + path, e);
        } catch (IOException e) {
            throw new QrCodeException(QrCodeException.Reason.UNREADABLE_FILE, "cannot read " + path + ": " + e.getMessage(), e);
        }
        return read(bytes, path.toString());
    }

    /**
     * The text of the QR code in the image {@code bytes}.
     *
     * @throws QrCodeException if the bytes are not an image, or it holds no QR code or a damaged one
     */
    public String read(byte[] bytes) {
        return read(bytes, "the image");
    }

    private String read(byte[] bytes, String description) {
        Objects.requireNonNull(bytes, "bytes");
        BufferedImage image;
        try (ImageInputStream stream = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            image = decode(stream, description);
        } catch (QrCodeException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // ImageIO throws for a truncated or corrupt file of a known format.
            throw new QrCodeException(QrCodeException.Reason.NOT_AN_IMAGE,
                    description + " is not a readable image (PNG or JPEG expected)", e);
        }
        if (image == null) {
            throw new QrCodeException(QrCodeException.Reason.NOT_AN_IMAGE,
                    description + " is not an image (PNG or JPEG expected)");
        }
        return read(image, description);
    }

    /**
     * The image, or null if no reader knows the format; its size is checked from the header first,
     * since a few kilobytes of PNG can claim a picture of gigabytes.
     */
    private static BufferedImage decode(ImageInputStream stream, String description) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(stream);
        if (!readers.hasNext()) {
            return null;
        }
        ImageReader reader = readers.next();
        try {
            reader.setInput(stream, true, true);
            long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
            if (pixels > MAXIMUM_PIXELS) {
                throw new QrCodeException(QrCodeException.Reason.NOT_AN_IMAGE, description + " is "
                        + reader.getWidth(0) + "x" + reader.getHeight(0) + " pixels, too large for an image of a QR code");
            }
            return reader.read(0);
        } finally {
            reader.dispose();
        }
    }

    private String read(BufferedImage image, String description) {
        LuminanceSource luminance = new BufferedImageLuminanceSource(image);
        boolean damaged = false;
        // The hybrid binarizer handles shadows and gradients in photos, the global one small or
        // low-contrast screenshots; the inverted image is a dark-mode screenshot, light on dark.
        for (LuminanceSource source : List.of(luminance, luminance.invert())) {
            for (BinaryBitmap bitmap : List.of(new BinaryBitmap(new HybridBinarizer(source)),
                    new BinaryBitmap(new GlobalHistogramBinarizer(source)))) {
                try {
                    return new QRCodeReader().decode(bitmap, HINTS).getText();
                } catch (NotFoundException e) {
                    // Try the next way of seeing the image.
                } catch (ChecksumException | FormatException e) {
                    damaged = true;
                }
            }
        }
        // ZXing's finder-pattern search misses about one clean, computer-drawn code in a hundred
        // (data modules that look like a finder pattern); an upright code on a plain background,
        // such as our own PNGs and screenshots of them, is read directly from its module grid.
        try {
            return new QRCodeReader().decode(new BinaryBitmap(new GlobalHistogramBinarizer(luminance)), PURE_HINTS)
                    .getText();
        } catch (NotFoundException e) {
            // Not a pure code either.
        } catch (ChecksumException | FormatException e) {
            damaged = true;
        }
        if (damaged) {
            throw new QrCodeException(QrCodeException.Reason.DAMAGED_QR_CODE,
                    "the QR code in " + description + " is damaged and cannot be read");
        }
        throw new QrCodeException(QrCodeException.Reason.NO_QR_CODE, "no QR code found in " + description);
    }

    private static Map<DecodeHintType, Object> hints(boolean pureBarcode) {
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        if (pureBarcode) {
            hints.put(DecodeHintType.PURE_BARCODE, Boolean.TRUE);
        }
        return Map.copyOf(hints);
    }
}
