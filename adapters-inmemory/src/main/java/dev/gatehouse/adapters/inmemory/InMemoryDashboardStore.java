package dev.gatehouse.adapters.inmemory;

import dev.gatehouse.ports.model.ConflictException;
import dev.gatehouse.ports.model.Dashboard;
import dev.gatehouse.ports.model.DashboardId;
import dev.gatehouse.ports.model.NotFoundException;
import dev.gatehouse.ports.model.ProjectId;
import dev.gatehouse.ports.out.DashboardStore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Dashboards in memory, by id and by slug in their project; thread-safe, each call its own unit of work unless it joins one. */
final class InMemoryDashboardStore implements DashboardStore {

    private final Tables tables;

    InMemoryDashboardStore(Tables tables) {
        this.tables = tables;
    }

    @Override
    public void insert(Dashboard dashboard) {
        Objects.requireNonNull(dashboard, "dashboard");
        tables.unitOfWork.run(() -> {
            if (!tables.projects.contains(dashboard.projectId())) {
                throw new NotFoundException("project " + dashboard.projectId() + " not found");
            }
            tables.dashboards.insert(dashboard);
        });
    }

    @Override
    public void update(Dashboard dashboard, long expectedVersion) {
        Objects.requireNonNull(dashboard, "dashboard");
        tables.unitOfWork.run(() -> {
            Dashboard stored = tables.dashboards.get(dashboard.id())
                    .orElseThrow(() -> new NotFoundException("dashboard " + dashboard.id() + " not found"));
            if (stored.version() != expectedVersion) {
                throw new ConflictException("dashboard " + dashboard.id() + " is at version " + stored.version()
                        + ", not " + expectedVersion);
            }
            tables.dashboards.replace(new Dashboard(stored.id(), stored.projectId(), dashboard.name(), stored.slug(),
                    dashboard.definitionJson(), dashboard.version(), stored.createdAt(), stored.createdBy(),
                    dashboard.updatedAt(), dashboard.updatedBy()));
        });
    }

    @Override
    public Optional<Dashboard> findById(DashboardId id) {
        Objects.requireNonNull(id, "id");
        return tables.unitOfWork.read(() -> tables.dashboards.get(id));
    }

    @Override
    public Optional<Dashboard> findByIdForUpdate(DashboardId id) {
        // A unit of work holds every table until it ends, so the plain read already keeps other units off the row.
        return findById(id);
    }

    @Override
    public Optional<Dashboard> findBySlug(ProjectId project, String slug) {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(slug, "slug");
        return tables.unitOfWork.read(() -> tables.dashboards.findUnique(tables.dashboardsBySlug,
                new Tables.InProject(project, slug)));
    }

    @Override
    public List<Dashboard> listByProject(ProjectId project) {
        Objects.requireNonNull(project, "project");
        return tables.unitOfWork.read(() -> tables.dashboards.select(
                dashboard -> dashboard.projectId().equals(project),
                Tables.oldestFirst(Dashboard::createdAt, dashboard -> dashboard.id().value())));
    }

    @Override
    public boolean delete(DashboardId id) {
        Objects.requireNonNull(id, "id");
        return tables.unitOfWork.inTransaction(() -> tables.dashboards.delete(id));
    }
}
