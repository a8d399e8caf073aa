package dev.gatehouse.core.error;

/** The entity is being changed by another request or is locked for now (409). */
public final class EntityTemporarilyUnmodifiableException extends GatehouseException {

    public EntityTemporarilyUnmodifiableException(String message) {
        super(ErrorCode.ENTITY_TEMPORARILY_UNMODIFIABLE, message);
    }
}
