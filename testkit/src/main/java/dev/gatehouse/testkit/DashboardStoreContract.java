package dev.gatehouse.testkit;

import static dev.gatehouse.testkit.TestData.T0;
import static dev.gatehouse.testkit.TestData.T0_IN_MICROS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.gatehouse.ports.model.ConflictException;
import dev.gatehouse.ports.model.CredentialId;
import dev.gatehouse.ports.model.Dashboard;
import dev.gatehouse.ports.model.DashboardId;
import dev.gatehouse.ports.model.NotFoundException;
import dev.gatehouse.ports.model.Organization;
import dev.gatehouse.ports.model.Project;
import dev.gatehouse.ports.model.ProjectId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The contract of {@link dev.gatehouse.ports.out.DashboardStore}: slugs unique per project, the project must exist,
 * updates are compare-and-set on the version, and a project's dashboards go with it.
 */
public abstract class DashboardStoreContract extends StorageContract {

    @Test
    void anInsertedDashboardIsFoundByIdBySlugAndInItsProjectsList() {
        Project project = givenProject(givenOrganization());
        Dashboard dashboard = TestData.dashboard(project.id());

        dashboards().insert(dashboard);

        assertThat(dashboards().findById(dashboard.id())).contains(dashboard);
        assertThat(dashboards().findBySlug(project.id(), dashboard.slug())).contains(dashboard);
        assertThat(dashboards().listByProject(project.id())).containsExactly(dashboard);
    }

    @Test
    void everyFieldRoundTripsWithTimestampsAtMicrosecondPrecision() {
        Project project = givenProject(givenOrganization());
        Instant updated = Instant.parse("2031-12-31T23:59:59.999999999Z");
        String definition = TestData.dashboardDefinition("Überblick ✓ \"quoted\" \\ " + "x".repeat(20_000));
        Dashboard dashboard = new Dashboard(DashboardId.random(), project.id(), "Übersicht — ✓", "a_B-9", definition,
                41, T0, CredentialId.random(), updated, CredentialId.random());

        dashboards().insert(dashboard);

        Dashboard found = dashboards().findById(dashboard.id()).orElseThrow();
        assertThat(found).isEqualTo(dashboard);
        assertThat(found.definitionJson()).isEqualTo(definition);
        assertThat(found.createdAt()).isEqualTo(T0_IN_MICROS);
        assertThat(found.updatedAt()).isEqualTo(Instant.parse("2031-12-31T23:59:59.999999Z"));
    }

    @Test
    void absentStampsRoundTripAsNull() {
        Project project = givenProject(givenOrganization());
        Dashboard dashboard = TestData.dashboard(project.id());

        dashboards().insert(dashboard);

        Dashboard found = dashboards().findById(dashboard.id()).orElseThrow();
        assertThat(found.createdBy()).isNull();
        assertThat(found.updatedAt()).isNull();
        assertThat(found.updatedBy()).isNull();
    }

    @Test
    void unknownIdsAndSlugsAreNotFound() {
        Organization organization = givenOrganization();
        Project project = givenProject(organization);
        Project other = givenProject(organization);
        Dashboard dashboard = given(TestData.dashboard(project.id()));

        assertThat(dashboards().findById(DashboardId.random())).isEmpty();
        assertThat(dashboards().findBySlug(project.id(), "no-such-slug")).isEmpty();
        assertThat(dashboards().findBySlug(other.id(), dashboard.slug())).isEmpty();
        assertThat(dashboards().findBySlug(ProjectId.random(), dashboard.slug())).isEmpty();
    }

    @Test
    void insertingIntoAnUnknownProjectIsNotFound() {
        Dashboard orphan = TestData.dashboard(ProjectId.random());

        assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> dashboards().insert(orphan));

        assertThat(dashboards().findById(orphan.id())).isEmpty();
    }

    @Test
    void insertingATakenIdConflictsAndKeepsTheOriginal() {
        Project project = givenProject(givenOrganization());
        Dashboard original = given(TestData.dashboard(project.id()));
        Dashboard sameId = new Dashboard(original.id(), project.id(), "other", "other-slug",
                TestData.dashboardDefinition("other"), 1, T0, null, null, null);

        assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> dashboards().insert(sameId));

        assertThat(dashboards().findById(original.id())).contains(original);
        assertThat(dashboards().findBySlug(project.id(), "other-slug")).isEmpty();
    }

    @Test
    void insertingATakenSlugInTheSameProjectConflicts() {
        Project project = givenProject(givenOrganization());
        Dashboard original = given(TestData.dashboard(project.id()));
        Dashboard sameSlug = TestData.dashboard(project.id(), original.slug(), T0);

        assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> dashboards().insert(sameSlug));

        assertThat(dashboards().findById(sameSlug.id())).isEmpty();
        assertThat(dashboards().listByProject(project.id())).containsExactly(original);
    }

    @Test
    void theSameSlugMayBeUsedInAnotherProject() {
        Organization organization = givenOrganization();
        Project first = givenProject(organization);
        Project second = givenProject(organization);
        Dashboard inFirst = given(TestData.dashboard(first.id(), "shared", T0));
        Dashboard inSecond = given(TestData.dashboard(second.id(), "shared", T0));

        assertThat(dashboards().findBySlug(first.id(), "shared")).contains(inFirst);
        assertThat(dashboards().findBySlug(second.id(), "shared")).contains(inSecond);
    }

    @Test
    void anUpdateAtTheExpectedVersionReplacesNameDefinitionVersionAndStampOnly() {
        Organization organization = givenOrganization();
        Project project = givenProject(organization);
        Project other = givenProject(organization);
        Dashboard original = given(TestData.dashboard(project.id()));
        Instant later = T0.plusSeconds(60);
        CredentialId editor = CredentialId.random();
        Dashboard changed = new Dashboard(original.id(), other.id(), "renamed", "changed-slug",
                TestData.dashboardDefinition("changed"), 2, later, editor, later, editor);

        dashboards().update(changed, 1);

        Dashboard expected = new Dashboard(original.id(), project.id(), "renamed", original.slug(),
                TestData.dashboardDefinition("changed"), 2, original.createdAt(), null, later, editor);
        assertThat(dashboards().findById(original.id())).contains(expected);
        assertThat(dashboards().findBySlug(project.id(), original.slug())).contains(expected);
        assertThat(dashboards().findBySlug(project.id(), "changed-slug")).isEmpty();
        assertThat(dashboards().listByProject(other.id())).isEmpty();
    }

    @Test
    void anUpdateAtAStaleVersionConflictsAndChangesNothing() {
        Project project = givenProject(givenOrganization());
        Dashboard original = given(TestData.dashboard(project.id()));
        Dashboard second = original.next("second", TestData.dashboardDefinition("second"), null, T0.plusSeconds(1));
        dashboards().update(second, 1);
        Dashboard stale = original.next("stale", TestData.dashboardDefinition("stale"), null, T0.plusSeconds(2));

        assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> dashboards().update(stale, 1));

        assertThat(dashboards().findById(original.id())).contains(second);
    }

    @Test
    void updatingAMissingDashboardIsNotFound() {
        Project project = givenProject(givenOrganization());
        Dashboard missing = TestData.dashboard(project.id());

        assertThatExceptionOfType(NotFoundException.class)
                .isThrownBy(() -> dashboards().update(missing.next("x", missing.definitionJson(), null, T0), 1));

        assertThat(dashboards().findById(missing.id())).isEmpty();
    }

    @Test
    @Timeout(60)
    void concurrentUpdatesFromTheSameVersionLetExactlyOneWin() throws InterruptedException {
        Project project = givenProject(givenOrganization());
        Dashboard original = given(TestData.dashboard(project.id()));
        List<Dashboard> attempts = new ArrayList<>();
        for (int i = 0; i < Concurrently.THREADS; i++) {
            attempts.add(original.next("attempt " + i, TestData.dashboardDefinition("attempt " + i), null,
                    T0.plusSeconds(i + 1)));
        }

        Concurrently.Outcomes outcomes = Concurrently.run(Concurrently.THREADS,
                i -> dashboards().update(attempts.get(i), original.version()));

        assertThat(outcomes.succeeded()).isOne();
        assertThat(outcomes.failures()).hasSize(Concurrently.THREADS - 1)
                .allSatisfy(failure -> assertThat(failure).isInstanceOf(ConflictException.class));
        Dashboard stored = dashboards().findById(original.id()).orElseThrow();
        assertThat(stored.version()).isEqualTo(2);
        assertThat(attempts).contains(stored);
    }

    @Test
    void listByProjectIsOldestFirstWithTiesBrokenByIdAndHidesOtherProjects() {
        Organization organization = givenOrganization();
        Project project = givenProject(organization);
        Project other = givenProject(organization);
        Dashboard oldest = TestData.dashboard(project.id(), "oldest", T0);
        List<Dashboard> tied = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            tied.add(TestData.dashboard(project.id(), "tied-" + i, T0.plusSeconds(1)));
        }
        Dashboard newest = TestData.dashboard(project.id(), "newest", T0.plusSeconds(2));
        dashboards().insert(newest);
        tied.forEach(dashboards()::insert);
        dashboards().insert(TestData.dashboard(other.id(), "elsewhere", T0));
        dashboards().insert(oldest);

        List<Dashboard> expected = new ArrayList<>();
        expected.add(oldest);
        expected.addAll(TestData.sortedByIdText(tied, dashboard -> dashboard.id().value()));
        expected.add(newest);
        assertThat(dashboards().listByProject(project.id())).containsExactlyElementsOf(expected);
        assertThat(dashboards().listByProject(ProjectId.random())).isEmpty();
    }

    @Test
    void deletingADashboardRemovesItReportsThatItExistedAndFreesItsSlug() {
        Project project = givenProject(givenOrganization());
        Dashboard deleted = given(TestData.dashboard(project.id()));
        Dashboard kept = given(TestData.dashboard(project.id()));

        assertThat(dashboards().delete(deleted.id())).isTrue();
        assertThat(dashboards().delete(deleted.id())).isFalse();

        assertThat(dashboards().findById(deleted.id())).isEmpty();
        assertThat(dashboards().listByProject(project.id())).containsExactly(kept);
        Dashboard successor = given(TestData.dashboard(project.id(), deleted.slug(), T0));
        assertThat(dashboards().findBySlug(project.id(), deleted.slug())).contains(successor);
    }

    @Test
    void deletingAProjectDeletesItsDashboardsAndNoOthers() {
        Organization organization = givenOrganization();
        Project deleted = givenProject(organization);
        Project kept = givenProject(organization);
        Dashboard gone = given(TestData.dashboard(deleted.id()));
        Dashboard stays = given(TestData.dashboard(kept.id()));

        projects().delete(deleted.id());

        assertThat(dashboards().findById(gone.id())).isEmpty();
        assertThat(dashboards().findBySlug(deleted.id(), gone.slug())).isEmpty();
        assertThat(dashboards().listByProject(deleted.id())).isEmpty();
        assertThat(dashboards().findById(stays.id())).contains(stays);
    }

    @Test
    void writesOfAFailedUnitOfWorkAreUndone() {
        Project project = givenProject(givenOrganization());
        Dashboard original = given(TestData.dashboard(project.id()));
        Dashboard inserted = TestData.dashboard(project.id());

        assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> transactions().run(() -> {
            dashboards().insert(inserted);
            dashboards().update(original.next("changed", original.definitionJson(), null, T0.plusSeconds(1)), 1);
            throw new IllegalStateException("the unit of work fails");
        }));

        assertThat(dashboards().findById(inserted.id())).isEmpty();
        assertThat(dashboards().findById(original.id())).contains(original);
    }

    @Test
    void aLockingReadReadsAsFindById() {
        Project project = givenProject(givenOrganization());
        Dashboard dashboard = given(TestData.dashboard(project.id()));

        assertThat(dashboards().findByIdForUpdate(dashboard.id())).contains(dashboard);
        assertThat(dashboards().findByIdForUpdate(DashboardId.random())).isEmpty();
        assertThat(transactions().inTransaction(() -> dashboards().findByIdForUpdate(dashboard.id())))
                .contains(dashboard);
    }

    @Test
    @Timeout(60)
    void aLockingReadWaitsForTheUnitHoldingTheDashboardAndThenSeesWhatItCommitted() throws Exception {
        Project project = givenProject(givenOrganization());
        Dashboard dashboard = given(TestData.dashboard(project.id()));
        Dashboard updated = dashboard.next("changed", TestData.dashboardDefinition("changed"), CredentialId.random(),
                T0.plusSeconds(60));

        Optional<Dashboard> seen = LockingReads.secondReadAfterFirstCommits(transactions(),
                () -> dashboards().findByIdForUpdate(dashboard.id()),
                locked -> dashboards().update(updated, locked.version()));

        assertThat(seen).contains(updated);
    }

    private Dashboard given(Dashboard dashboard) {
        dashboards().insert(dashboard);
        return dashboard;
    }
}
