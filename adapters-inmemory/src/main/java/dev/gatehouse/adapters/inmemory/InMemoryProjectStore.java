package dev.gatehouse.adapters.inmemory;

import dev.gatehouse.ports.model.Credential;
import dev.gatehouse.ports.model.NotFoundException;
import dev.gatehouse.ports.model.OrganizationId;
import dev.gatehouse.ports.model.Project;
import dev.gatehouse.ports.model.ProjectId;
import dev.gatehouse.ports.out.ProjectStore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Projects in memory, deleting a project's credentials with it; thread-safe, each call its own unit of work unless it joins one. */
final class InMemoryProjectStore implements ProjectStore {

    private final Tables tables;

    InMemoryProjectStore(Tables tables) {
        this.tables = tables;
    }

    @Override
    public void insert(Project project) {
        Objects.requireNonNull(project, "project");
        tables.unitOfWork.run(() -> {
            if (!tables.organizations.contains(project.organizationId())) {
                throw new NotFoundException("organization " + project.organizationId() + " not found");
            }
            tables.projects.insert(project);
        });
    }

    @Override
    public void update(Project project) {
        Objects.requireNonNull(project, "project");
        tables.unitOfWork.run(() -> {
            Project stored = tables.projects.get(project.id())
                    .orElseThrow(() -> new NotFoundException("project " + project.id() + " not found"));
            tables.projects.replace(new Project(stored.id(), stored.organizationId(), project.name(),
                    project.description(), project.visibility(), project.environment(), stored.createdAt(),
                    project.updatedAt()));
        });
    }

    @Override
    public Optional<Project> findById(ProjectId id) {
        Objects.requireNonNull(id, "id");
        return tables.unitOfWork.read(() -> tables.projects.get(id));
    }

    @Override
    public Optional<Project> findByIdForUpdate(ProjectId id) {
        // A unit of work holds every table until it ends, so the plain read already keeps other units off the row.
        return findById(id);
    }

    @Override
    public Optional<Project> findByName(OrganizationId organization, String name) {
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(name, "name");
        return tables.unitOfWork.read(() -> tables.projects.findUnique(
                tables.projectsByName, new Tables.ProjectName(organization, name)));
    }

    @Override
    public List<Project> listByOrganization(OrganizationId organization) {
        Objects.requireNonNull(organization, "organization");
        return tables.unitOfWork.read(() -> tables.projects.select(
                project -> project.organizationId().equals(organization),
                Tables.oldestFirst(Project::createdAt, project -> project.id().value())));
    }

    @Override
    public boolean delete(ProjectId id) {
        Objects.requireNonNull(id, "id");
        return tables.unitOfWork.inTransaction(() -> {
            // The SQL schema cascades the delete to everything the project owns; so does this.
            List<Credential> owned = tables.credentials.select(credential -> id.equals(credential.projectId()));
            owned.forEach(credential -> tables.credentials.delete(credential.id()));
            tables.dashboards.select(dashboard -> dashboard.projectId().equals(id))
                    .forEach(dashboard -> tables.dashboards.delete(dashboard.id()));
            tables.variables.select(variable -> variable.projectId().equals(id))
                    .forEach(variable -> tables.variables.delete(variable.id()));
            InMemoryAlertStore.deleteOfProject(tables, id);
            return tables.projects.delete(id);
        });
    }
}
