package dev.gatehouse.ports.model;

/**
 * A resource the request needs is saturated for the moment (every SQL parser busy, for instance); nothing was
 * written, and the same request may succeed when retried shortly.
 */
public class BusyException extends GatehouseException {

    public BusyException(String message) {
        super(message, null);
    }
}
