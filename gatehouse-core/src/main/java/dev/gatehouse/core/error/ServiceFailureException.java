package dev.gatehouse.core.error;

/**
 * Something failed inside the service, usually the store. The message is generic; the details
 * (SQL, driver messages) go to the log only, under the reference the message names.
 */
public final class ServiceFailureException extends GatehouseException {

    public ServiceFailureException(String message) {
        super(ErrorCode.SERVICE_FAILURE, message);
    }

    public ServiceFailureException(String message, Throwable cause) {
        super(ErrorCode.SERVICE_FAILURE, message, cause);
    }
}
