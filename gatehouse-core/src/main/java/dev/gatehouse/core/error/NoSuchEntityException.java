package dev.gatehouse.core.error;

/** The entity named does not exist (404). */
public final class NoSuchEntityException extends GatehouseException {

    public NoSuchEntityException(String message) {
        super(ErrorCode.NO_SUCH_ENTITY, message);
    }
}
