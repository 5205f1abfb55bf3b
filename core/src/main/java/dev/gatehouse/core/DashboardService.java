package dev.gatehouse.core;

import dev.gatehouse.ports.in.DashboardUpdate;
import dev.gatehouse.ports.in.Dashboards;
import dev.gatehouse.ports.in.NewDashboard;
import dev.gatehouse.ports.model.AuditAction;
import dev.gatehouse.ports.model.ConflictException;
import dev.gatehouse.ports.model.Dashboard;
import dev.gatehouse.ports.model.DashboardId;
import dev.gatehouse.ports.model.DashboardView;
import dev.gatehouse.ports.model.NotFoundException;
import dev.gatehouse.ports.model.Principal;
import dev.gatehouse.ports.model.Project;
import dev.gatehouse.ports.model.ProjectId;
import dev.gatehouse.ports.model.Scope;
import dev.gatehouse.ports.out.DashboardStore;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The {@link Dashboards} use cases: project dashboards with slugs and optimistically locked versions. Thread-safe. */
final class DashboardService implements Dashboards {

    static final String RESOURCE = "dashboard";

    private final Env env;

    DashboardService(Env env) {
        this.env = env;
    }

    @Override
    public List<DashboardView> list(Principal caller, ProjectId project) {
        Access.require(caller, Scope.PROJECT_READ_DASHBOARD);
        Project visible = ProjectBinding.visible(env, caller, project);
        ActorNames names = names();
        return store().listByProject(visible.id()).stream().map(dashboard -> view(visible, dashboard, names)).toList();
    }

    @Override
    public DashboardView get(Principal caller, ProjectId project, DashboardId id) {
        Objects.requireNonNull(id, "id");
        Access.require(caller, Scope.PROJECT_READ_DASHBOARD);
        Project visible = ProjectBinding.visible(env, caller, project);
        return view(visible, dashboardOf(visible, id), names());
    }

    @Override
    public DashboardView getBySlug(Principal caller, ProjectId project, String slug) {
        Objects.requireNonNull(slug, "slug");
        Access.require(caller, Scope.PROJECT_READ_DASHBOARD);
        Project visible = ProjectBinding.visible(env, caller, project);
        Dashboard dashboard = store().findBySlug(visible.id(), slug)
                .orElseThrow(() -> new NotFoundException("Dashboard not found"));
        return view(visible, dashboard, names());
    }

    @Override
    public DashboardView create(Principal caller, ProjectId project, NewDashboard command) {
        Objects.requireNonNull(command, "command");
        Access.require(caller, Scope.PROJECT_WRITE_DASHBOARD);
        return env.storage().transactions().inTransaction(() -> {
            Project visible = ProjectBinding.visible(env, caller, project);
            if (store().findBySlug(visible.id(), command.slug()).isPresent()) {
                throw new ConflictException("Dashboard with this slug already exists");
            }
            Instant now = env.now();
            Dashboard dashboard = new Dashboard(DashboardId.random(), visible.id(), command.name(), command.slug(),
                    command.definitionJson(), Dashboard.FIRST_VERSION, now, caller.credentialId(), null, null);
            store().insert(dashboard);
            audit(visible, dashboard, AuditAction.INSERT, caller, now, new AuditTrail.Fields()
                    .set("dashboard_name", dashboard.name())
                    .set("dashboard_slug", dashboard.slug())
                    .set("version", dashboard.version())
                    .set("definition", dashboard.definitionJson()));
            return view(visible, dashboard, names());
        });
    }

    @Override
    public DashboardView update(Principal caller, ProjectId project, DashboardId id, DashboardUpdate update) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(update, "update");
        Access.require(caller, Scope.PROJECT_WRITE_DASHBOARD);
        return env.storage().transactions().inTransaction(() -> {
            Project visible = ProjectBinding.visible(env, caller, project);
            // Locked, so that an update without a version applies to what the update before it committed, rather than
            // failing its compare-and-set against that update's version.
            Dashboard current = dashboardForUpdate(visible, id);
            if (update.expectedVersion() != null && update.expectedVersion() != current.version()) {
                throw versionConflict(update.expectedVersion(), current.version());
            }
            String name = update.name().applyTo(current.name());
            String definition = update.definitionJson().applyTo(current.definitionJson());
            AuditTrail.Fields fields = new AuditTrail.Fields()
                    .change("dashboard_name", current.name(), name)
                    .change("definition", current.definitionJson(), definition);
            if (fields.isEmpty()) {
                return view(visible, current, names());
            }
            Instant now = env.now();
            Dashboard next = current.next(name, definition, caller.credentialId(), now);
            store().update(next, current.version());
            audit(visible, next, AuditAction.UPDATE, caller, now,
                    fields.change("version", current.version(), next.version()));
            return view(visible, next, names());
        });
    }

    @Override
    public void delete(Principal caller, ProjectId project, DashboardId id) {
        Objects.requireNonNull(id, "id");
        Access.require(caller, Scope.PROJECT_WRITE_DASHBOARD);
        env.storage().transactions().run(() -> {
            Project visible = ProjectBinding.visible(env, caller, project);
            // Locked, so that the audit entry holds what is deleted, not what an update committing meanwhile replaced.
            Dashboard dashboard = dashboardForUpdate(visible, id);
            store().delete(dashboard.id());
            audit(visible, dashboard, AuditAction.DELETE, caller, env.now(), removal(dashboard));
        });
    }

    /** The fields of a dashboard's DELETE entry: everything it held, so that the entry could restore it. */
    static AuditTrail.Fields removal(Dashboard dashboard) {
        return new AuditTrail.Fields()
                .removed("dashboard_name", dashboard.name())
                .removed("dashboard_slug", dashboard.slug())
                .removed("version", dashboard.version())
                .removed("definition", dashboard.definitionJson());
    }

    /** The 409 of a stale update, naming both versions so that the caller knows to re-read. */
    static ConflictException versionConflict(long expected, long current) {
        return new ConflictException("Dashboard version conflict: the update expected version " + expected
                + ", but the dashboard is at version " + current);
    }

    private Dashboard dashboardOf(Project project, DashboardId id) {
        return inProject(project, store().findById(id));
    }

    /** As {@link #dashboardOf}, and locked until the unit of work ends: for an update. */
    private Dashboard dashboardForUpdate(Project project, DashboardId id) {
        return inProject(project, store().findByIdForUpdate(id));
    }

    private static Dashboard inProject(Project project, Optional<Dashboard> found) {
        return found.filter(dashboard -> dashboard.projectId().equals(project.id()))
                .orElseThrow(() -> new NotFoundException("Dashboard not found"));
    }

    private void audit(Project project, Dashboard dashboard, AuditAction action, Principal caller, Instant now,
            AuditTrail.Fields fields) {
        env.audit().record(project.organizationId(), project.id(), action, RESOURCE, dashboard.id(), caller, now,
                fields);
    }

    private static DashboardView view(Project project, Dashboard dashboard, ActorNames names) {
        return new DashboardView(dashboard, project.name(), names.nameOf(dashboard.createdBy()),
                names.nameOf(dashboard.updatedBy()));
    }

    private ActorNames names() {
        return new ActorNames(env.storage().credentials());
    }

    private DashboardStore store() {
        return env.storage().dashboards();
    }
}
