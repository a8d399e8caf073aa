package dev.gatehouse.cli;

/**
 * A mistake or failure that the user can understand and act on. Printed as one line on stderr,
 * never with a stack trace; the command exits with status 1.
 */
public class CliException extends RuntimeException {

    public CliException(String message) {
        super(message);
    }

    public CliException(String message, Throwable cause) {
        super(message, cause);
    }
}
