package dev.gatehouse.ports.model;

/** Storage failed for a reason other than the data itself (a lost connection, a full disk); nothing was written. */
public class StorageException extends GatehouseException {

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
