package dev.gatehouse.adapters.jdbc;

import dev.gatehouse.ports.model.NotFoundException;
import dev.gatehouse.ports.model.OrganizationId;
import dev.gatehouse.ports.model.Project;
import dev.gatehouse.ports.model.ProjectId;
import dev.gatehouse.ports.out.ProjectStore;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Projects in the {@code projects} table; deleting one cascades to its credentials in the schema. Thread-safe. */
final class JdbcProjectStore implements ProjectStore {

    private static final String SELECT = "SELECT " + Rows.PROJECT_COLUMNS + " FROM projects";

    private final JdbcTransactions transactions;

    JdbcProjectStore(JdbcTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void insert(Project project) {
        Objects.requireNonNull(project, "project");
        transactions.write(
                handle -> handle.createUpdate("INSERT INTO projects (" + Rows.PROJECT_COLUMNS + ") VALUES (:id,"
                                + " :organizationId, :name, :description, :visibility, :environment, :createdAt,"
                                + " :updatedAt)")
                        .bind("id", Sql.uuid(project.id().value()))
                        .bind("organizationId", Sql.uuid(project.organizationId().value()))
                        .bind("name", project.name())
                        .bind("description", project.description())
                        .bind("visibility", project.visibility().wireName())
                        .bind("environment", project.environment().wireName())
                        .bind("createdAt", Sql.instant(project.createdAt()))
                        .bind("updatedAt", Sql.instant(project.updatedAt()))
                        .execute(),
                failure -> SqlErrors.translate(failure,
                        Map.of("uq_projects_organization_name", nameTaken(project)),
                        "project " + project.id() + " already exists",
                        "organization " + project.organizationId() + " does not exist"));
    }

    @Override
    public void update(Project project) {
        Objects.requireNonNull(project, "project");
        int updated = transactions.write(
                handle -> handle.createUpdate("UPDATE projects SET name = :name, description = :description,"
                                + " visibility = :visibility, environment = :environment, updated_at = :updatedAt"
                                + " WHERE id = :id")
                        .bind("id", Sql.uuid(project.id().value()))
                        .bind("name", project.name())
                        .bind("description", project.description())
                        .bind("visibility", project.visibility().wireName())
                        .bind("environment", project.environment().wireName())
                        .bind("updatedAt", Sql.instant(project.updatedAt()))
                        .execute(),
                failure -> SqlErrors.translate(failure,
                        Map.of("uq_projects_organization_name", nameTaken(project)),
                        nameTaken(project),
                        "project " + project.id() + " does not exist"));
        if (updated == 0) {
            throw new NotFoundException("project " + project.id() + " does not exist");
        }
    }

    @Override
    public Optional<Project> findById(ProjectId id) {
        Objects.requireNonNull(id, "id");
        return transactions.read(handle -> handle.createQuery(SELECT + " WHERE id = :id")
                .bind("id", Sql.uuid(id.value()))
                .map(Rows.PROJECT)
                .findOne());
    }

    @Override
    public Optional<Project> findByIdForUpdate(ProjectId id) {
        Objects.requireNonNull(id, "id");
        return transactions.read(handle -> handle.createQuery(SELECT + " WHERE id = :id FOR UPDATE")
                .bind("id", Sql.uuid(id.value()))
                .map(Rows.PROJECT)
                .findOne());
    }

    @Override
    public Optional<Project> findByName(OrganizationId organization, String name) {
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(name, "name");
        return transactions.read(handle -> handle.createQuery(SELECT
                        + " WHERE organization_id = :organizationId AND name = :name")
                .bind("organizationId", Sql.uuid(organization.value()))
                .bind("name", name)
                .map(Rows.PROJECT)
                .findOne());
    }

    @Override
    public List<Project> listByOrganization(OrganizationId organization) {
        Objects.requireNonNull(organization, "organization");
        return transactions.read(handle -> handle.createQuery(SELECT
                        + " WHERE organization_id = :organizationId ORDER BY created_at, id")
                .bind("organizationId", Sql.uuid(organization.value()))
                .map(Rows.PROJECT)
                .list());
    }

    @Override
    public boolean delete(ProjectId id) {
        Objects.requireNonNull(id, "id");
        int deleted = transactions.write(
                handle -> handle.createUpdate("DELETE FROM projects WHERE id = :id")
                        .bind("id", Sql.uuid(id.value()))
                        .execute(),
                failure -> SqlErrors.translate(failure, Map.of(), "project " + id + " could not be deleted",
                        "project " + id + " could not be deleted"));
        return deleted > 0;
    }

    private static String nameTaken(Project project) {
        return "a project named '" + project.name() + "' already exists in organization " + project.organizationId();
    }
}
