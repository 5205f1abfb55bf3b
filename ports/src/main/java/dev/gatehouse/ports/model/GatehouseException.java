package dev.gatehouse.ports.model;

/** The unchecked root of every exceptional outcome Gatehouse reports; messages never contain a secret. */
public class GatehouseException extends RuntimeException {

    public GatehouseException(String message) {
        super(message);
    }

    public GatehouseException(String message, Throwable cause) {
        super(message, cause);
    }
}
