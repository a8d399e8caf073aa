package dev.gatehouse.core.error;

/** A quota would be exceeded: 8 MFA devices or 2 access keys per principal (409). */
public final class LimitExceededException extends GatehouseException {

    public LimitExceededException(String message) {
        super(ErrorCode.LIMIT_EXCEEDED, message);
    }
}
