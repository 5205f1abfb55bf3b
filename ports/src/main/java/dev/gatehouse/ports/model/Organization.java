package dev.gatehouse.ports.model;

import java.time.Instant;
import java.util.Objects;

/** A tenant: it owns projects, credentials and everything they manage; its name is unique in an installation. */
public record Organization(OrganizationId id, String name, Instant createdAt) {

    public Organization {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        if (name == null || name.isBlank() || Characters.count(name) > 100) {
            throw new InvalidInputException("organization_name", "string_length", "organization name must be 1 to 100 characters");
        }
        createdAt = Timestamps.micros(createdAt);
    }
}
