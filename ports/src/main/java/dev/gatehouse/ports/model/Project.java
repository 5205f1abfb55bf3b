package dev.gatehouse.ports.model;

import java.time.Instant;
import java.util.Objects;

/** A project of an organization: it scopes telemetry, tokens, alerts, dashboards and variables. */
public record Project(
        ProjectId id,
        OrganizationId organizationId,
        String name,
        String description,
        Visibility visibility,
        Environment environment,
        Instant createdAt,
        Instant updatedAt) {

    public Project {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organizationId, "organizationId");
        ProjectRules.requireValidName(name);
        ProjectRules.requireValidDescription(description);
        Objects.requireNonNull(visibility, "visibility");
        Objects.requireNonNull(environment, "environment");
        createdAt = Timestamps.micros(Objects.requireNonNull(createdAt, "createdAt"));
        updatedAt = Timestamps.micros(Objects.requireNonNull(updatedAt, "updatedAt"));
    }
}
