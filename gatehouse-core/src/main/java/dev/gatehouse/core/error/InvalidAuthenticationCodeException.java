package dev.gatehouse.core.error;

/** The MFA codes given to enable or resync a device were not accepted (403). */
public final class InvalidAuthenticationCodeException extends GatehouseException {

    public InvalidAuthenticationCodeException(String message) {
        super(ErrorCode.INVALID_AUTHENTICATION_CODE, message);
    }
}
