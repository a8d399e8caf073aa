package dev.gatehouse.core.error;

import java.util.Objects;

/**
 * The one unchecked exception family of the domain. Each subclass is named for a failure and
 * carries its {@link ErrorCode}; the message is safe to show to the caller (it never holds a
 * secret or SQL).
 */
public abstract class GatehouseException extends RuntimeException {

    private final ErrorCode errorCode;

    protected GatehouseException(ErrorCode errorCode, String message) {
        super(message);
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
    }

    protected GatehouseException(ErrorCode errorCode, String message, Throwable cause) {
        super(message, cause);
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
    }

    public ErrorCode errorCode() {
        return errorCode;
    }
}
