package dev.gatehouse.core.error;

/** An entity with that name or identity exists already, or a device is assigned already (409). */
public final class EntityAlreadyExistsException extends GatehouseException {

    public EntityAlreadyExistsException(String message) {
        super(ErrorCode.ENTITY_ALREADY_EXISTS, message);
    }
}
