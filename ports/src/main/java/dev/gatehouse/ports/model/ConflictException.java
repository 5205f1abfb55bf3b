package dev.gatehouse.ports.model;

/** A change would break a uniqueness rule or act on a resource whose state no longer allows it. */
public class ConflictException extends GatehouseException {

    public ConflictException(String message) {
        super(message);
    }

    public ConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
