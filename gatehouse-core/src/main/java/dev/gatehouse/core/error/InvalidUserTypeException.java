package dev.gatehouse.core.error;

/** The action is for IAM users only, and the root user asked (ChangePassword) (400). */
public final class InvalidUserTypeException extends GatehouseException {

    public InvalidUserTypeException(String message) {
        super(ErrorCode.INVALID_USER_TYPE, message);
    }
}
