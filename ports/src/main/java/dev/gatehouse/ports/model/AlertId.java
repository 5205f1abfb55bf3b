package dev.gatehouse.ports.model;

import java.util.Objects;
import java.util.UUID;

/** The identity of an alert. */
public record AlertId(UUID value) {

    public AlertId {
        Objects.requireNonNull(value, "value");
    }

    /** A new random id. */
    public static AlertId random() {
        return new AlertId(UUID.randomUUID());
    }

    /** Parses the canonical UUID text form; throws {@link IllegalArgumentException} on anything else. */
    public static AlertId parse(String text) {
        return new AlertId(Uuids.parse(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
