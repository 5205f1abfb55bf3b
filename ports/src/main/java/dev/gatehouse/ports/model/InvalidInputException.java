package dev.gatehouse.ports.model;

import java.util.Objects;

/** Input broke a validation rule; {@link #field()} names the offending field as the wire format spells it. */
public class InvalidInputException extends GatehouseException {

    private final String field;
    private final String type;

    /**
     * @param field the field as named on the wire, for example {@code project_name}
     * @param type a short machine-readable error type, for example {@code string_pattern_mismatch}
     * @param message a human-readable message that never repeats a secret
     */
    public InvalidInputException(String field, String type, String message) {
        super(message);
        this.field = Objects.requireNonNull(field);
        this.type = Objects.requireNonNull(type);
    }

    public String field() {
        return field;
    }

    public String type() {
        return type;
    }
}
