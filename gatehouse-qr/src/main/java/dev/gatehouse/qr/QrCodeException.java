package dev.gatehouse.qr;

import java.util.Objects;

/**
 * An image that cannot give the text or key URI asked of it. The message is written for the person
 * who chose the file; it never includes the decoded text, which may hold a secret.
 */
public final class QrCodeException extends RuntimeException {

    /** Why the image could not be used. */
    public enum Reason {
        /** The file could not be read at all (missing, unreadable). */
        UNREADABLE_FILE,
        /** The bytes are not a PNG, JPEG or other image format the JDK reads. */
        NOT_AN_IMAGE,
        /** The image holds no QR code that could be found. */
        NO_QR_CODE,
        /** A QR code was found but its data is damaged beyond error correction. */
        DAMAGED_QR_CODE,
        /** The QR code was read but its text is not a usable otpauth:// key URI. */
        NOT_A_KEY_URI,
    }

    private final Reason reason;

    public QrCodeException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public QrCodeException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
