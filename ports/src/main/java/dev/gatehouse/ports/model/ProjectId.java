package dev.gatehouse.ports.model;

import java.util.Objects;
import java.util.UUID;

/** The identity of a project. */
public record ProjectId(UUID value) {

    public ProjectId {
        Objects.requireNonNull(value, "value");
    }

    /** A new random id. */
    public static ProjectId random() {
        return new ProjectId(UUID.randomUUID());
    }

    /** Parses the canonical UUID text form; throws {@link IllegalArgumentException} on anything else. */
    public static ProjectId parse(String text) {
        return new ProjectId(Uuids.parse(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
