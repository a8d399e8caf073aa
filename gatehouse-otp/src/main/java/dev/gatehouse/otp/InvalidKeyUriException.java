package dev.gatehouse.otp;

/** An otpauth:// URI that cannot be used; the message says what is wrong with it. */
public final class InvalidKeyUriException extends IllegalArgumentException {

    public InvalidKeyUriException(String message) {
        super(message);
    }

    public InvalidKeyUriException(String message, Throwable cause) {
        super(message, cause);
    }
}
