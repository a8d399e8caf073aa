package dev.gatehouse.core.error;

/** Authentication failed: wrong password, wrong or replayed MFA code, or throttled (403). */
public final class AccessDeniedException extends GatehouseException {

    public AccessDeniedException(String message) {
        super(ErrorCode.ACCESS_DENIED, message);
    }
}
