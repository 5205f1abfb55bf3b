package dev.gatehouse.ports.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An immutable record of one mutation (or failed authentication) in an organization.
 *
 * @param projectId the project the changed resource belongs to, or null
 * @param recordId the id of the changed resource
 * @param actorId the credential that acted, or null for an operator or an unauthenticated caller
 */
public record AuditEntry(
        AuditEntryId id,
        OrganizationId organizationId,
        ProjectId projectId,
        AuditAction action,
        String resourceType,
        String recordId,
        CredentialId actorId,
        Instant createdAt,
        List<FieldChange> changes) {

    public AuditEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resourceType, "resourceType");
        createdAt = Timestamps.micros(Objects.requireNonNull(createdAt, "createdAt"));
        changes = List.copyOf(changes);
    }
}
