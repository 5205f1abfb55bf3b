package dev.gatehouse.ports.model;

import java.util.Objects;
import java.util.UUID;

/** The identity of an organization. */
public record OrganizationId(UUID value) {

    public OrganizationId {
        Objects.requireNonNull(value, "value");
    }

    /** A new random id. */
    public static OrganizationId random() {
        return new OrganizationId(UUID.randomUUID());
    }

    /** Parses the canonical UUID text form; throws {@link IllegalArgumentException} on anything else. */
    public static OrganizationId parse(String text) {
        return new OrganizationId(Uuids.parse(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
