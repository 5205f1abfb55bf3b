package dev.gatehouse.ports.model;

import java.util.Objects;
import java.util.UUID;

/** The identity of an audit log entry. */
public record AuditEntryId(UUID value) {

    public AuditEntryId {
        Objects.requireNonNull(value, "value");
    }

    /** A new random id. */
    public static AuditEntryId random() {
        return new AuditEntryId(UUID.randomUUID());
    }

    /** Parses the canonical UUID text form; throws {@link IllegalArgumentException} on anything else. */
    public static AuditEntryId parse(String text) {
        return new AuditEntryId(Uuids.parse(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
