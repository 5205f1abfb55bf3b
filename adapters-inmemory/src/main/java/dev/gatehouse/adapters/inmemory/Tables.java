package dev.gatehouse.adapters.inmemory;

import dev.gatehouse.ports.model.AuditEntry;
import dev.gatehouse.ports.model.AuditEntryId;
import dev.gatehouse.ports.model.Credential;
import dev.gatehouse.ports.model.CredentialId;
import dev.gatehouse.ports.model.Organization;
import dev.gatehouse.ports.model.OrganizationId;
import dev.gatehouse.ports.model.Project;
import dev.gatehouse.ports.model.ProjectId;
import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;
import java.util.function.Function;

/**
 * Every table of one in-memory storage with the unique indexes its SQL schema declares. Not thread-safe by itself:
 * callers hold the {@link UnitOfWork}'s lock.
 */
final class Tables {

    final UnitOfWork unitOfWork;

    final Table<OrganizationId, Organization> organizations;
    final Table.UniqueIndex<OrganizationId, Organization> organizationsByName;

    final Table<ProjectId, Project> projects;
    final Table.UniqueIndex<ProjectId, Project> projectsByName;

    final Table<CredentialId, Credential> credentials;
    final Table.UniqueIndex<CredentialId, Credential> credentialsByHash;

    final Table<AuditEntryId, AuditEntry> audit;

    Tables(UnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
        organizations = new Table<>("organization", Organization::id, unitOfWork);
        organizationsByName = organizations.uniqueIndex("name", Organization::name);
        projects = new Table<>("project", Project::id, unitOfWork);
        projectsByName = projects.uniqueIndex("name in the organization", Tables::projectName);
        credentials = new Table<>("credential", Credential::id, unitOfWork);
        credentialsByHash = credentials.uniqueIndex("token hash", Credential::tokenHash);
        credentials.uniqueIndex("rotation successor", Credential::rotatedFrom);
        audit = new Table<>("audit entry", AuditEntry::id, unitOfWork);
    }

    static ProjectName projectName(Project project) {
        return new ProjectName(project.organizationId(), project.name());
    }

    /**
     * Oldest first, ties broken by the id's lowercase text, which is the order PostgreSQL gives a uuid column.
     */
    static <V> Comparator<V> oldestFirst(Function<V, Instant> createdAt, Function<V, UUID> id) {
        return Comparator.comparing(createdAt).thenComparing(row -> id.apply(row).toString());
    }

    /** The key of the unique index on a project's organization and name. */
    record ProjectName(OrganizationId organizationId, String name) {
    }
}
