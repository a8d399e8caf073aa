package dev.gatehouse.core.error;

/** The input is well-formed but not acceptable here (400). */
public final class InvalidInputException extends GatehouseException {

    public InvalidInputException(String message) {
        super(ErrorCode.INVALID_INPUT, message);
    }
}
