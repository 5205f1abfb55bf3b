package dev.gatehouse.ports.out;

import dev.gatehouse.ports.model.Dashboard;
import dev.gatehouse.ports.model.DashboardId;
import dev.gatehouse.ports.model.ProjectId;
import java.util.List;
import java.util.Optional;

/** Keeps dashboards; a slug is unique within its project, and updates are compare-and-set on the version. */
public interface DashboardStore {

    /**
     * Stores a new dashboard.
     *
     * @throws dev.gatehouse.ports.model.ConflictException if the id, or the slug within the project, is taken
     * @throws dev.gatehouse.ports.model.NotFoundException if the project does not exist
     */
    void insert(Dashboard dashboard);

    /**
     * Atomically replaces the name, definition, version and update stamp of the stored dashboard with the same id,
     * provided its stored version is still {@code expectedVersion}; of several updates made with the same expected
     * version, at most one succeeds.
     *
     * @throws dev.gatehouse.ports.model.NotFoundException if no such dashboard exists
     * @throws dev.gatehouse.ports.model.ConflictException if the stored version is not {@code expectedVersion};
     *     nothing is written
     */
    void update(Dashboard dashboard, long expectedVersion);

    Optional<Dashboard> findById(DashboardId id);

    /**
     * As {@link #findById}, and no other unit of work may change the dashboard, or read it with this method, until the
     * calling unit of work ends: the read to base an update on.
     */
    Optional<Dashboard> findByIdForUpdate(DashboardId id);

    Optional<Dashboard> findBySlug(ProjectId project, String slug);

    /** The project's dashboards, oldest first (ties broken by id). */
    List<Dashboard> listByProject(ProjectId project);

    /** Deletes the dashboard; returns whether it existed. */
    boolean delete(DashboardId id);
}
