package dev.gatehouse.cli.authenticator;

/** Bytes that are not a vault this version can open; the message says why, for the user. */
final class VaultFormatException extends RuntimeException {

    VaultFormatException(String message) {
        super(message);
    }

    VaultFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
