package dev.gatehouse.ports.in;

import dev.gatehouse.ports.model.DashboardId;
import dev.gatehouse.ports.model.DashboardView;
import dev.gatehouse.ports.model.Principal;
import dev.gatehouse.ports.model.ProjectId;
import java.util.List;

/**
 * Creates, reads, updates and deletes the dashboards of a project. Reading needs {@code project:read_dashboard},
 * changing needs {@code project:write_dashboard}; a project outside the caller's organization or binding, or a
 * dashboard of another project, is reported as not found.
 */
public interface Dashboards {

    /** The project's dashboards, oldest first. */
    List<DashboardView> list(Principal caller, ProjectId project);

    /** One dashboard by id. */
    DashboardView get(Principal caller, ProjectId project, DashboardId id);

    /** One dashboard by its slug in the project. */
    DashboardView getBySlug(Principal caller, ProjectId project, String slug);

    /** Creates a dashboard at version 1; a slug already used in the project is a {@code ConflictException}. */
    DashboardView create(Principal caller, ProjectId project, NewDashboard command);

    /**
     * Applies a partial update and increments the version; an expected version other than the current one is a
     * {@code ConflictException} and changes nothing. An update that changes no field still checks the version but
     * neither writes nor increments it.
     */
    DashboardView update(Principal caller, ProjectId project, DashboardId id, DashboardUpdate update);

    /** Deletes a dashboard. */
    void delete(Principal caller, ProjectId project, DashboardId id);
}
