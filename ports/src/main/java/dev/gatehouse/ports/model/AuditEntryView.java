package dev.gatehouse.ports.model;

import java.util.Objects;

/**
 * An audit entry with the names a reader sees beside it, as resolved when it is read.
 *
 * @param organizationName the name of the entry's organization
 * @param projectName the name of the entry's project, or null where it has none or the project is gone
 * @param actorName the name of the credential that acted, or null for an operator, an unauthenticated caller, a
 *     credential without a name (a write or read token) or one that no longer exists
 */
public record AuditEntryView(AuditEntry entry, String organizationName, String projectName, String actorName) {

    public AuditEntryView {
        Objects.requireNonNull(entry, "entry");
    }
}
