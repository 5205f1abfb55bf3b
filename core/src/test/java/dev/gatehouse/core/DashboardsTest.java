package dev.gatehouse.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.ports.in.DashboardUpdate;
import dev.gatehouse.ports.in.Dashboards;
import dev.gatehouse.ports.in.NewDashboard;
import dev.gatehouse.ports.model.AuditAction;
import dev.gatehouse.ports.model.AuditEntry;
import dev.gatehouse.ports.model.Change;
import dev.gatehouse.ports.model.ConflictException;
import dev.gatehouse.ports.model.Dashboard;
import dev.gatehouse.ports.model.DashboardId;
import dev.gatehouse.ports.model.DashboardView;
import dev.gatehouse.ports.model.FieldChange;
import dev.gatehouse.ports.model.ForbiddenException;
import dev.gatehouse.ports.model.InvalidInputException;
import dev.gatehouse.ports.model.NotFoundException;
import dev.gatehouse.ports.model.Principal;
import dev.gatehouse.ports.model.Project;
import dev.gatehouse.ports.model.ProjectId;
import dev.gatehouse.ports.model.Scope;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DashboardsTest {

    private static final String DEFINITION = "{\"kind\":\"Dashboard\",\"spec\":{\"panels\":{}}}";
    private static final String OTHER_DEFINITION = "{\"kind\":\"Dashboard\",\"spec\":{\"panels\":{\"a\":{}}}}";

    private final Installation installation = Installation.create();
    private final Dashboards dashboards = installation.gatehouse.dashboards();
    private final Project project = installation.project("shop");
    private final Principal admin = installation.adminPrincipal();

    @AfterEach
    void close() {
        installation.close();
    }

    @Test
    void createStoresVersionOneWithTheCreatorsNameAndAuditsIt() {
        DashboardView created = dashboards.create(admin, project.id(), new NewDashboard("Sales", "sales", DEFINITION));

        Dashboard dashboard = created.dashboard();
        assertThat(dashboard.version()).isEqualTo(1);
        assertThat(dashboard.projectId()).isEqualTo(project.id());
        assertThat(dashboard.createdBy()).isEqualTo(admin.credentialId());
        assertThat(dashboard.updatedAt()).isNull();
        assertThat(created.projectName()).isEqualTo("shop");
        assertThat(created.createdByName()).isEqualTo("admin");
        assertThat(created.updatedByName()).isNull();
        assertThat(dashboards.get(admin, project.id(), dashboard.id())).isEqualTo(created);
        assertThat(dashboards.getBySlug(admin, project.id(), "sales")).isEqualTo(created);
        AuditEntry entry = installation.lastAuditEntryOf(dashboard.id());
        assertThat(entry.action()).isEqualTo(AuditAction.INSERT);
        assertThat(entry.resourceType()).isEqualTo("dashboard");
        assertThat(entry.projectId()).isEqualTo(project.id());
        assertThat(entry.actorId()).isEqualTo(admin.credentialId());
        assertThat(entry.changes()).containsExactly(
                new FieldChange("dashboard_name", null, "Sales"),
                new FieldChange("dashboard_slug", null, "sales"),
                new FieldChange("version", null, "1"),
                new FieldChange("definition", null, DEFINITION));
    }

    @Test
    void aSlugIsUniqueInItsProjectOnly() {
        Project other = installation.project("other");
        DashboardView first = dashboards.create(admin, project.id(), new NewDashboard("One", "same", DEFINITION));
        int entries = installation.auditEntries().size();

        assertThatThrownBy(() -> dashboards.create(admin, project.id(), new NewDashboard("Two", "same", DEFINITION)))
                .isInstanceOf(ConflictException.class)
                .hasMessage("Dashboard with this slug already exists");

        assertThat(dashboards.list(admin, project.id())).containsExactly(first);
        assertThat(installation.auditEntries()).hasSize(entries);
        assertThat(dashboards.create(admin, other.id(), new NewDashboard("Two", "same", DEFINITION))
                .dashboard().slug()).isEqualTo("same");
    }

    @Test
    void badNamesAndSlugsAreRefusedByTheCommand() {
        assertThatThrownBy(() -> new NewDashboard(" ", "ok", DEFINITION)).isInstanceOf(InvalidInputException.class)
                .hasMessage("Value error, name must not be blank").extracting("field").isEqualTo("name");
        assertThatThrownBy(() -> new NewDashboard("", "ok", DEFINITION)).isInstanceOf(InvalidInputException.class)
                .extracting("type").isEqualTo("string_too_short");
        assertThatThrownBy(() -> new NewDashboard("ok", "has space", DEFINITION))
                .isInstanceOf(InvalidInputException.class).extracting("type").isEqualTo("string_pattern_mismatch");
        assertThatThrownBy(() -> new NewDashboard("ok", "0f8fad5b-d9cb-469f-a165-70867728950e", DEFINITION))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("shape of a UUID");
        assertThatThrownBy(() -> new NewDashboard("ok", "s".repeat(101), DEFINITION))
                .isInstanceOf(InvalidInputException.class).extracting("type").isEqualTo("string_too_long");
    }

    @Test
    void anUpdateAtTheCurrentVersionIncrementsItAndIsAudited() {
        Dashboard created = create("sales").dashboard();
        installation.clock.advance(Duration.ofMinutes(1));

        DashboardView updated = dashboards.update(admin, project.id(), created.id(),
                new DashboardUpdate(Change.to("Revenue"), Change.to(OTHER_DEFINITION), 1L));

        Dashboard dashboard = updated.dashboard();
        assertThat(dashboard.version()).isEqualTo(2);
        assertThat(dashboard.name()).isEqualTo("Revenue");
        assertThat(dashboard.definitionJson()).isEqualTo(OTHER_DEFINITION);
        assertThat(dashboard.slug()).isEqualTo("sales");
        assertThat(dashboard.updatedAt()).isEqualTo(installation.clock.instant().truncatedTo(ChronoUnit.MICROS));
        assertThat(updated.updatedByName()).isEqualTo("admin");
        assertThat(dashboards.get(admin, project.id(), created.id())).isEqualTo(updated);
        AuditEntry entry = installation.lastAuditEntryOf(created.id());
        assertThat(entry.action()).isEqualTo(AuditAction.UPDATE);
        assertThat(entry.changes()).containsExactly(
                new FieldChange("dashboard_name", "Dashboard sales", "Revenue"),
                new FieldChange("definition", DEFINITION, OTHER_DEFINITION),
                new FieldChange("version", "1", "2"));
    }

    @Test
    void anUpdateAtAStaleVersionConflictsAndChangesNothing() {
        Dashboard created = create("sales").dashboard();
        dashboards.update(admin, project.id(), created.id(),
                new DashboardUpdate(Change.to("Second"), Change.keep(), 1L));
        DashboardView before = dashboards.get(admin, project.id(), created.id());
        int entries = installation.auditEntries().size();

        assertThatThrownBy(() -> dashboards.update(admin, project.id(), created.id(),
                new DashboardUpdate(Change.to("Stale"), Change.keep(), 1L)))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("expected version 1, but the dashboard is at version 2");

        assertThat(dashboards.get(admin, project.id(), created.id())).isEqualTo(before);
        assertThat(installation.auditEntries()).hasSize(entries);
    }

    @Test
    void anUpdateWithoutAVersionAppliesToTheCurrentOne() {
        Dashboard created = create("sales").dashboard();
        dashboards.update(admin, project.id(), created.id(), new DashboardUpdate(Change.to("Two"), Change.keep(), null));

        DashboardView third = dashboards.update(admin, project.id(), created.id(),
                new DashboardUpdate(Change.keep(), Change.to(OTHER_DEFINITION), null));

        assertThat(third.dashboard().version()).isEqualTo(3);
        assertThat(third.dashboard().name()).isEqualTo("Two");
    }

    @Test
    void anUpdateThatChangesNothingNeitherWritesNorIncrementsButStillChecksTheVersion() {
        Dashboard created = create("sales").dashboard();
        int entries = installation.auditEntries().size();

        DashboardView same = dashboards.update(admin, project.id(), created.id(),
                new DashboardUpdate(Change.to(created.name()), Change.to(created.definitionJson()), 1L));

        assertThat(same.dashboard()).isEqualTo(created);
        assertThat(installation.auditEntries()).hasSize(entries);
        assertThatThrownBy(() -> dashboards.update(admin, project.id(), created.id(),
                new DashboardUpdate(Change.keep(), Change.keep(), 7L))).isInstanceOf(ConflictException.class);
    }

    @Test
    void concurrentUpdatesFromTheSameVersionLetExactlyOneWin() throws Exception {
        Dashboard created = create("sales").dashboard();
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<DashboardView>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String name = "Name " + i;
                results.add(pool.submit(() -> {
                    start.await();
                    return dashboards.update(admin, project.id(), created.id(),
                            new DashboardUpdate(Change.to(name), Change.keep(), 1L));
                }));
            }
            start.countDown();
            int won = 0;
            int conflicted = 0;
            for (Future<DashboardView> result : results) {
                try {
                    result.get(30, TimeUnit.SECONDS);
                    won++;
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(ConflictException.class);
                    conflicted++;
                }
            }
            assertThat(won).isOne();
            assertThat(conflicted).isEqualTo(threads - 1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(dashboards.get(admin, project.id(), created.id()).dashboard().version()).isEqualTo(2);
    }

    @Test
    void deleteRemovesTheDashboardAndIsAudited() {
        Dashboard created = create("sales").dashboard();
        installation.clock.advance(Duration.ofMinutes(1));

        dashboards.delete(admin, project.id(), created.id());

        assertThatThrownBy(() -> dashboards.get(admin, project.id(), created.id()))
                .isInstanceOf(NotFoundException.class).hasMessage("Dashboard not found");
        AuditEntry entry = installation.lastAuditEntryOf(created.id());
        assertThat(entry.action()).isEqualTo(AuditAction.DELETE);
        assertThat(entry.changes()).containsExactly(
                new FieldChange("dashboard_name", "Dashboard sales", null),
                new FieldChange("dashboard_slug", "sales", null),
                new FieldChange("version", "1", null),
                new FieldChange("definition", created.definitionJson(), null));
        assertThatThrownBy(() -> dashboards.delete(admin, project.id(), created.id()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void readingNeedsTheReadScopeAndChangingTheWriteScope() {
        Dashboard created = create("sales").dashboard();
        Principal reader = installation.keyHolding(Set.of(Scope.PROJECT_READ_DASHBOARD), null);
        Principal writer = installation.keyHolding(Set.of(Scope.PROJECT_WRITE_DASHBOARD), null);

        assertThat(dashboards.list(reader, project.id())).hasSize(1);
        assertThatThrownBy(() -> dashboards.create(reader, project.id(), new NewDashboard("x", "x", DEFINITION)))
                .isInstanceOf(ForbiddenException.class).hasMessage("Missing required scope: project:write_dashboard");
        assertThatThrownBy(() -> dashboards.update(reader, project.id(), created.id(), new DashboardUpdate(
                Change.to("x"), Change.keep(), null))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> dashboards.delete(reader, project.id(), created.id()))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> dashboards.get(writer, project.id(), created.id()))
                .isInstanceOf(ForbiddenException.class).hasMessage("Missing required scope: project:read_dashboard");
        assertThatThrownBy(() -> dashboards.getBySlug(writer, project.id(), "sales"))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> dashboards.list(writer, project.id())).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void anotherProjectsOrOrganizationsDashboardsDoNotExistForTheCaller() {
        Dashboard created = create("sales").dashboard();
        Project other = installation.project("other");
        Principal boundToOther = installation.keyHolding(
                Set.of(Scope.PROJECT_READ_DASHBOARD, Scope.PROJECT_WRITE_DASHBOARD), other.id());
        Principal foreign = Principal.operator(installation.otherOrganization());

        assertThatThrownBy(() -> dashboards.get(boundToOther, project.id(), created.id()))
                .isInstanceOf(NotFoundException.class).hasMessage("Project not found");
        assertThatThrownBy(() -> dashboards.get(boundToOther, other.id(), created.id()))
                .isInstanceOf(NotFoundException.class).hasMessage("Dashboard not found");
        assertThatThrownBy(() -> dashboards.getBySlug(boundToOther, other.id(), "sales"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> dashboards.delete(boundToOther, other.id(), created.id()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> dashboards.list(foreign, project.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> dashboards.create(admin, ProjectId.random(), new NewDashboard("x", "x", DEFINITION)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> dashboards.get(admin, project.id(), DashboardId.random()))
                .isInstanceOf(NotFoundException.class);
        assertThat(dashboards.get(admin, project.id(), created.id()).dashboard()).isEqualTo(created);
    }

    @Test
    void deletingTheProjectDeletesItsDashboards() {
        Dashboard created = create("sales").dashboard();

        installation.gatehouse.projects().delete(admin, project.id());

        assertThat(installation.storage.dashboards().findById(created.id())).isEmpty();
    }

    private DashboardView create(String slug) {
        return dashboards.create(admin, project.id(), new NewDashboard("Dashboard " + slug, slug, DEFINITION));
    }
}
