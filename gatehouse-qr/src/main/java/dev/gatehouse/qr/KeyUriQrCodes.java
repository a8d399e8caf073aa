package dev.gatehouse.qr;

import dev.gatehouse.otp.InvalidKeyUriException;
import dev.gatehouse.otp.KeyUri;
import java.nio.file.Path;
import java.util.Objects;

/** QR codes of otpauth:// key URIs, as authenticator apps scan and show them. Thread-safe. */
public final class KeyUriQrCodes {

    private final QrCodeRenderer renderer;
    private final QrCodeReader reader;

    public KeyUriQrCodes() {
        this(new QrCodeRenderer(), new QrCodeReader());
    }

    public KeyUriQrCodes(QrCodeRenderer renderer, QrCodeReader reader) {
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    /** The PNG of a QR code holding the key URI; it holds the secret, so store it with care. */
    public byte[] renderPng(KeyUri keyUri) {
        return renderer.renderPng(keyUri.toUriString());
    }

    /**
     * The key URI in the QR code of the image file at {@code path}.
     *
     * @throws QrCodeException if the image cannot be read, holds no QR code, or its QR code is not a
     *     usable key URI ({@link QrCodeException.Reason#NOT_A_KEY_URI}, saying what is wrong)
     */
    public KeyUri read(Path path) {
        return parse(reader.read(path), path.toString());
    }

    /** As {@link #read(Path)}, from the bytes of an image. */
    public KeyUri read(byte[] image) {
        return parse(reader.read(image), "the image");
    }

    private static KeyUri parse(String text, String description) {
        try {
            return KeyUri.parse(text);
        } catch (InvalidKeyUriException e) {
            // The message of InvalidKeyUriException names the problem, never the secret.
            throw new QrCodeException(QrCodeException.Reason.NOT_A_KEY_URI,
                    "the QR code in " + description + " does not hold an otpauth:// key URI: " + e.getMessage(), e);
        }
    }
}
