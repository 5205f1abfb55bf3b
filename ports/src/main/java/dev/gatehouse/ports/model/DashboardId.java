package dev.gatehouse.ports.model;

import java.util.Objects;
import java.util.UUID;

/** The identity of a dashboard. */
public record DashboardId(UUID value) {

    public DashboardId {
        Objects.requireNonNull(value, "value");
    }

    /** A new random id. */
    public static DashboardId random() {
        return new DashboardId(UUID.randomUUID());
    }

    /** Parses the canonical UUID text form; throws {@link IllegalArgumentException} on anything else. */
    public static DashboardId parse(String text) {
        return new DashboardId(Uuids.parse(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
