package dev.gatehouse.ports.model;

import java.util.Objects;
import java.util.UUID;

/** The identity of a project variable. */
public record VariableId(UUID value) {

    public VariableId {
        Objects.requireNonNull(value, "value");
    }

    /** A new random id. */
    public static VariableId random() {
        return new VariableId(UUID.randomUUID());
    }

    /** Parses the canonical UUID text form; throws {@link IllegalArgumentException} on anything else. */
    public static VariableId parse(String text) {
        return new VariableId(Uuids.parse(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
