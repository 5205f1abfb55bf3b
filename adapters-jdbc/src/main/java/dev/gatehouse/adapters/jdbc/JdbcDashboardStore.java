package dev.gatehouse.adapters.jdbc;

import dev.gatehouse.ports.model.ConflictException;
import dev.gatehouse.ports.model.Dashboard;
import dev.gatehouse.ports.model.DashboardId;
import dev.gatehouse.ports.model.NotFoundException;
import dev.gatehouse.ports.model.ProjectId;
import dev.gatehouse.ports.out.DashboardStore;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Dashboards in the {@code dashboards} table; an update is one {@code UPDATE ... WHERE version = :expected}, so that
 * the database's row lock decides which of several concurrent updates wins. Thread-safe.
 */
final class JdbcDashboardStore implements DashboardStore {

    private static final String COLUMNS =
            "id, project_id, name, slug, definition, version, created_at, created_by, updated_at, updated_by";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM dashboards";

    private static final RowMapper<Dashboard> DASHBOARD = (row, context) -> new Dashboard(
            new DashboardId(Sql.uuid(row, "id")),
            new ProjectId(Sql.uuid(row, "project_id")),
            row.getString("name"),
            row.getString("slug"),
            row.getString("definition"),
            row.getLong("version"),
            Sql.instant(row, "created_at"),
            Rows.credentialId(row, "created_by"),
            Sql.instant(row, "updated_at"),
            Rows.credentialId(row, "updated_by"));

    private final JdbcTransactions transactions;

    JdbcDashboardStore(JdbcTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void insert(Dashboard dashboard) {
        Objects.requireNonNull(dashboard, "dashboard");
        transactions.write(
                handle -> handle.createUpdate("INSERT INTO dashboards (" + COLUMNS + ") VALUES (:id, :projectId,"
                                + " :name, :slug, :definition, :version, :createdAt, :createdBy, :updatedAt,"
                                + " :updatedBy)")
                        .bind("id", Sql.uuid(dashboard.id().value()))
                        .bind("projectId", Sql.uuid(dashboard.projectId().value()))
                        .bind("name", dashboard.name())
                        .bind("slug", dashboard.slug())
                        .bind("definition", dashboard.definitionJson())
                        .bind("version", dashboard.version())
                        .bind("createdAt", Sql.instant(dashboard.createdAt()))
                        .bind("createdBy", Sql.uuid(Rows.value(dashboard.createdBy())))
                        .bind("updatedAt", Sql.instant(dashboard.updatedAt()))
                        .bind("updatedBy", Sql.uuid(Rows.value(dashboard.updatedBy())))
                        .execute(),
                failure -> SqlErrors.translate(failure,
                        Map.of("uq_dashboards_project_slug", "a dashboard with slug '" + dashboard.slug()
                                + "' already exists in project " + dashboard.projectId()),
                        "dashboard " + dashboard.id() + " already exists",
                        "project " + dashboard.projectId() + " does not exist"));
    }

    @Override
    public void update(Dashboard dashboard, long expectedVersion) {
        Objects.requireNonNull(dashboard, "dashboard");
        transactions.write(handle -> {
            int updated = handle.createUpdate("UPDATE dashboards SET name = :name, definition = :definition,"
                            + " version = :version, updated_at = :updatedAt, updated_by = :updatedBy"
                            + " WHERE id = :id AND version = :expectedVersion")
                    .bind("id", Sql.uuid(dashboard.id().value()))
                    .bind("name", dashboard.name())
                    .bind("definition", dashboard.definitionJson())
                    .bind("version", dashboard.version())
                    .bind("updatedAt", Sql.instant(dashboard.updatedAt()))
                    .bind("updatedBy", Sql.uuid(Rows.value(dashboard.updatedBy())))
                    .bind("expectedVersion", expectedVersion)
                    .execute();
            if (updated == 0) {
                Optional<Long> stored = handle.createQuery("SELECT version FROM dashboards WHERE id = :id")
                        .bind("id", Sql.uuid(dashboard.id().value()))
                        .mapTo(Long.class)
                        .findOne();
                if (stored.isEmpty()) {
                    throw new NotFoundException("dashboard " + dashboard.id() + " does not exist");
                }
                throw new ConflictException("dashboard " + dashboard.id() + " is at version " + stored.get()
                        + ", not " + expectedVersion);
            }
            return updated;
        }, failure -> SqlErrors.translate(failure, Map.of(), "dashboard " + dashboard.id() + " could not be updated",
                "dashboard " + dashboard.id() + " refers to something that does not exist"));
    }

    @Override
    public Optional<Dashboard> findById(DashboardId id) {
        Objects.requireNonNull(id, "id");
        return transactions.read(handle -> handle.createQuery(SELECT + " WHERE id = :id")
                .bind("id", Sql.uuid(id.value()))
                .map(DASHBOARD)
                .findOne());
    }

    @Override
    public Optional<Dashboard> findByIdForUpdate(DashboardId id) {
        Objects.requireNonNull(id, "id");
        return transactions.read(handle -> handle.createQuery(SELECT + " WHERE id = :id FOR UPDATE")
                .bind("id", Sql.uuid(id.value()))
                .map(DASHBOARD)
                .findOne());
    }

    @Override
    public Optional<Dashboard> findBySlug(ProjectId project, String slug) {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(slug, "slug");
        return transactions.read(handle -> handle.createQuery(SELECT + " WHERE project_id = :projectId AND slug = :slug")
                .bind("projectId", Sql.uuid(project.value()))
                .bind("slug", slug)
                .map(DASHBOARD)
                .findOne());
    }

    @Override
    public List<Dashboard> listByProject(ProjectId project) {
        Objects.requireNonNull(project, "project");
        return transactions.read(handle -> handle.createQuery(SELECT
                        + " WHERE project_id = :projectId ORDER BY created_at, id")
                .bind("projectId", Sql.uuid(project.value()))
                .map(DASHBOARD)
                .list());
    }

    @Override
    public boolean delete(DashboardId id) {
        Objects.requireNonNull(id, "id");
        int deleted = transactions.write(
                handle -> handle.createUpdate("DELETE FROM dashboards WHERE id = :id")
                        .bind("id", Sql.uuid(id.value()))
                        .execute(),
                failure -> SqlErrors.translate(failure, Map.of(), "dashboard " + id + " could not be deleted",
                        "dashboard " + id + " could not be deleted"));
        return deleted > 0;
    }
}
