package dev.gatehouse.core.error;

/** The input breaks a constraint of the API model: length, pattern or range (400). */
public final class ValidationException extends GatehouseException {

    public ValidationException(String message) {
        super(ErrorCode.VALIDATION_ERROR, message);
    }
}
