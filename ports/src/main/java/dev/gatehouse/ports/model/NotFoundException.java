package dev.gatehouse.ports.model;

/** A resource does not exist, or lies outside what the caller may see (another organization or project). */
public class NotFoundException extends GatehouseException {

    public NotFoundException(String message) {
        super(message);
    }
}
