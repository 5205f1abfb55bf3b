package dev.gatehouse.ports.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A dashboard of a project: a Perses-style definition kept as canonical JSON text, with a slug unique in its project
 * and a version that every update increments, for optimistic locking.
 *
 * @param definitionJson the definition as the HTTP adapter canonicalised it: compact JSON text of an object
 * @param version 1 for a new dashboard, one more on each update
 * @param createdBy the credential that created it, or null for an operator
 * @param updatedAt null until the first update
 * @param updatedBy the credential of the last update, or null for none or an operator
 */
public record Dashboard(
        DashboardId id,
        ProjectId projectId,
        String name,
        String slug,
        String definitionJson,
        long version,
        Instant createdAt,
        CredentialId createdBy,
        Instant updatedAt,
        CredentialId updatedBy) {

    /** The version of a dashboard that was never updated. */
    public static final long FIRST_VERSION = 1;

    public Dashboard {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(projectId, "projectId");
        DashboardRules.requireValidName(name);
        DashboardRules.requireValidSlug(slug);
        DashboardRules.requireDefinition(definitionJson);
        if (version < FIRST_VERSION) {
            throw new IllegalArgumentException("a dashboard version starts at " + FIRST_VERSION);
        }
        createdAt = Timestamps.micros(Objects.requireNonNull(createdAt, "createdAt"));
        updatedAt = Timestamps.micros(updatedAt);
    }

    /** The next version of this dashboard with {@code newName} and {@code newDefinitionJson}, updated by {@code actor} at {@code at}. */
    public Dashboard next(String newName, String newDefinitionJson, CredentialId actor, Instant at) {
        return new Dashboard(id, projectId, newName, slug, newDefinitionJson, version + 1, createdAt, createdBy, at,
                actor);
    }
}
