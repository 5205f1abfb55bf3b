package dev.gatehouse.adapters.inmemory;

import dev.gatehouse.ports.model.Alert;
import dev.gatehouse.ports.model.AlertId;
import dev.gatehouse.ports.model.AuditEntry;
import dev.gatehouse.ports.model.AuditEntryId;
import dev.gatehouse.ports.model.Channel;
import dev.gatehouse.ports.model.ChannelId;
import dev.gatehouse.ports.model.Credential;
import dev.gatehouse.ports.model.CredentialId;
import dev.gatehouse.ports.model.Dashboard;
import dev.gatehouse.ports.model.DashboardId;
import dev.gatehouse.ports.model.Organization;
import dev.gatehouse.ports.model.OrganizationId;
import dev.gatehouse.ports.model.Project;
import dev.gatehouse.ports.model.ProjectId;
import dev.gatehouse.ports.model.Variable;
import dev.gatehouse.ports.model.VariableId;
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

    final Table<DashboardId, Dashboard> dashboards;
    final Table.UniqueIndex<DashboardId, Dashboard> dashboardsBySlug;

    final Table<VariableId, Variable> variables;
    final Table.UniqueIndex<VariableId, Variable> variablesByName;

    final Table<ChannelId, Channel> channels;

    final Table<AlertId, Alert> alerts;
    final Table.UniqueIndex<AlertId, Alert> alertsByName;

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
        dashboards = new Table<>("dashboard", Dashboard::id, unitOfWork);
        dashboardsBySlug = dashboards.uniqueIndex("slug in the project",
                dashboard -> new InProject(dashboard.projectId(), dashboard.slug()));
        variables = new Table<>("variable", Variable::id, unitOfWork);
        variablesByName = variables.uniqueIndex("name in the project",
                variable -> new InProject(variable.projectId(), variable.name()));
        channels = new Table<>("channel", Channel::id, unitOfWork);
        alerts = new Table<>("alert", Alert::id, unitOfWork);
        alertsByName = alerts.uniqueIndex("name in the project",
                alert -> new InProject(alert.projectId(), alert.name()));
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

    /** The key of a unique index on a project and a name within it, such as a dashboard's slug. */
    record InProject(ProjectId projectId, String key) {
    }

    /** The key of the unique index on a project's organization and name. */
    record ProjectName(OrganizationId organizationId, String name) {
    }
}
