package dev.gatehouse.core.error;

/** The entity cannot be deleted while something still depends on it (409). */
public final class DeleteConflictException extends GatehouseException {

    public DeleteConflictException(String message) {
        super(ErrorCode.DELETE_CONFLICT, message);
    }
}
