package dev.gatehouse.testkit;

import static dev.gatehouse.testkit.TestData.T0;
import static dev.gatehouse.testkit.TestData.T0_IN_MICROS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.gatehouse.ports.model.Alert;
import dev.gatehouse.ports.model.AlertId;
import dev.gatehouse.ports.model.AlertRules;
import dev.gatehouse.ports.model.AlertRun;
import dev.gatehouse.ports.model.Channel;
import dev.gatehouse.ports.model.ChannelAssignment;
import dev.gatehouse.ports.model.ChannelId;
import dev.gatehouse.ports.model.ConflictException;
import dev.gatehouse.ports.model.CredentialId;
import dev.gatehouse.ports.model.NotFoundException;
import dev.gatehouse.ports.model.NotifyWhen;
import dev.gatehouse.ports.model.Organization;
import dev.gatehouse.ports.model.Project;
import dev.gatehouse.ports.model.ProjectId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The contract of {@link dev.gatehouse.ports.out.AlertStore}: every field round-trips exactly (durations in whole
 * seconds, instants in microseconds, channels in their order), names are unique per project, the project and the
 * channels must exist in the alert's organization, and deleting a project deletes its alerts while deleting a channel
 * only removes it from the alerts that notify it.
 */
public abstract class AlertStoreContract extends StorageContract {

    @Test
    void anInsertedAlertIsFoundByIdAndByNameInItsProject() {
        Project project = givenProject(givenOrganization());
        Alert alert = TestData.alert(project);

        alerts().insert(alert);

        assertThat(alerts().findById(alert.id())).contains(alert);
        assertThat(alerts().findByName(project.id(), alert.name())).contains(alert);
        assertThat(alerts().listByProject(project.id())).containsExactly(alert);
    }

    @Test
    void unknownIdsAndNamesAreNotFound() {
        Organization organization = givenOrganization();
        Project project = givenProject(organization);
        Project other = givenProject(organization);
        Alert alert = given(TestData.alert(project));

        assertThat(alerts().findById(AlertId.random())).isEmpty();
        assertThat(alerts().findByName(project.id(), "no such alert")).isEmpty();
        assertThat(alerts().findByName(other.id(), alert.name())).isEmpty();
        assertThat(alerts().listByProject(ProjectId.random())).isEmpty();
    }

    @Test
    void everyFieldRoundTripsWithChannelsInOrderAndInstantsInMicroseconds() {
        Organization organization = givenOrganization();
        Project project = givenProject(organization);
        Channel first = givenChannel(organization);
        Channel second = givenChannel(organization);
        Channel third = givenChannel(organization);
        UUID schedule = UUID.randomUUID();
        Instant updated = Instant.parse("2031-12-31T23:59:59.999999999Z");
        AlertRun run = new AlertRun(Instant.parse("2032-01-01T00:00:00.000000999Z"), true, true,
                "[{\"service\": \"checkout ✓\", \"count\": 3, \"rate\": 0.25, \"tags\": [\"a\", null]}]", 1);
        Alert alert = new Alert(AlertId.random(), organization.id(), project.id(), "ä".repeat(255),
                "Beschreibung: ünïcode ✓ " + "d".repeat(2_000),
                "SELECT service_name, count(*) FROM records WHERE message LIKE '%timeout%' GROUP BY 1 -- ✓",
                Duration.ofDays(30), Duration.ofHours(24), Duration.ofDays(30), NotifyWhen.MATCHES_CHANGED, false,
                List.of(ChannelAssignment.of(third.id()), new ChannelAssignment(first.id(), schedule),
                        ChannelAssignment.of(second.id())),
                T0, CredentialId.random(), updated, CredentialId.random(), run);

        alerts().insert(alert);

        Alert found = alerts().findById(alert.id()).orElseThrow();
        assertThat(found).isEqualTo(alert);
        assertThat(found.channelIds()).containsExactly(third.id(), first.id(), second.id());
        assertThat(found.createdAt()).isEqualTo(T0_IN_MICROS);
        assertThat(found.updatedAt()).isEqualTo(Instant.parse("2031-12-31T23:59:59.999999Z"));
        assertThat(found.lastRun().lastRun()).isEqualTo(Instant.parse("2032-01-01T00:00:00Z"));
    }

    @Test
    void theSmallestAlertRoundTripsWithItsOptionalFieldsUnset() {
        Project project = givenProject(givenOrganization());
        Alert alert = new Alert(AlertId.random(), project.organizationId(), project.id(), "x", null, "SELECT 1",
                Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ZERO, NotifyWhen.HAS_MATCHES, true, List.of(),
                T0, null, null, null, null);

        alerts().insert(alert);

        assertThat(alerts().findById(alert.id())).contains(alert);
    }

    @Test
    void aRunWithoutAResultRoundTrips() {
        Project project = givenProject(givenOrganization());
        Alert alert = withRun(TestData.alert(project), new AlertRun(T0, false, true, null, null));

        alerts().insert(alert);

        assertThat(alerts().findById(alert.id())).contains(alert);
    }

    @Test
    void everyNotifyWhenRoundTrips() {
        Project project = givenProject(givenOrganization());
        for (NotifyWhen notifyWhen : NotifyWhen.values()) {
            Alert base = TestData.alert(project);
            Alert alert = new Alert(base.id(), base.organizationId(), base.projectId(), base.name(),
                    base.description(), base.query(), base.timeWindow(), base.frequency(), base.watermark(),
                    notifyWhen, base.active(), base.channels(), base.createdAt(), null, null, null, null);

            alerts().insert(alert);

            assertThat(alerts().findById(alert.id())).as(notifyWhen.wireName()).contains(alert);
        }
    }

    @Test
    void aTakenIdIsAConflict() {
        Project project = givenProject(givenOrganization());
        Alert alert = given(TestData.alert(project));
        Alert sameId = new Alert(alert.id(), alert.organizationId(), alert.projectId(), "another name", null,
                "SELECT 2", alert.timeWindow(), alert.frequency(), alert.watermark(), alert.notifyWhen(), true,
                List.of(), T0, null, null, null, null);

        assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> alerts().insert(sameId));

        assertThat(alerts().findById(alert.id())).contains(alert);
    }

    @Test
    void aNameIsUniqueWithinAProjectButMayRepeatInAnother() {
        Organization organization = givenOrganization();
        Project project = givenProject(organization);
        Project other = givenProject(organization);
        Alert alert = given(TestData.alert(project, "errors", T0, List.of()));

        assertThatExceptionOfType(ConflictException.class)
                .isThrownBy(() -> alerts().insert(TestData.alert(project, "errors", T0, List.of())));
        Alert elsewhere = given(TestData.alert(other, "errors", T0, List.of()));

        assertThat(alerts().listByProject(project.id())).containsExactly(alert);
        assertThat(alerts().findByName(other.id(), "errors")).contains(elsewhere);
    }

    @Test
    void theProjectMustExistInTheAlertsOrganization() {
        Organization organization = givenOrganization();
        Organization other = givenOrganization();
        Project project = givenProject(organization);
        Alert base = TestData.alert(project);
        Alert missingProject = new Alert(AlertId.random(), organization.id(), ProjectId.random(), "a", null,
                "SELECT 1", base.timeWindow(), base.frequency(), base.watermark(), base.notifyWhen(), true, List.of(),
                T0, null, null, null, null);
        Alert wrongOrganization = new Alert(AlertId.random(), other.id(), project.id(), "b", null, "SELECT 1",
                base.timeWindow(), base.frequency(), base.watermark(), base.notifyWhen(), true, List.of(), T0, null,
                null, null, null);

        assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> alerts().insert(missingProject));
        assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> alerts().insert(wrongOrganization));

        assertThat(alerts().findById(missingProject.id())).isEmpty();
        assertThat(alerts().findById(wrongOrganization.id())).isEmpty();
        assertThat(alerts().listByProject(project.id())).isEmpty();
    }

    @Test
    void everyChannelMustExistInTheAlertsOrganizationAndNothingIsStoredOtherwise() {
        Organization organization = givenOrganization();
        Organization other = givenOrganization();
        Project project = givenProject(organization);
        Channel ours = givenChannel(organization);
        Channel theirs = givenChannel(other);

        for (ChannelId refused : List.of(ChannelId.random(), theirs.id())) {
            Alert alert = TestData.alert(project, "errors", T0,
                    List.of(ChannelAssignment.of(ours.id()), ChannelAssignment.of(refused)));

            assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> alerts().insert(alert));

            assertThat(alerts().findById(alert.id())).isEmpty();
            assertThat(alerts().findByName(project.id(), "errors")).isEmpty();
        }
    }

    @Test
    void updateReplacesTheMutableFieldsAndKeepsTheOrigin() {
        Organization organization = givenOrganization();
        Project project = givenProject(organization);
        Channel kept = givenChannel(organization);
        Channel added = givenChannel(organization);
        Channel dropped = givenChannel(organization);
        CredentialId creator = CredentialId.random();
        Alert original = new Alert(AlertId.random(), organization.id(), project.id(), "errors", "before",
                "SELECT 1", Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ZERO, NotifyWhen.HAS_MATCHES, true,
                List.of(ChannelAssignment.of(dropped.id()), ChannelAssignment.of(kept.id())), T0, creator, null, null,
                null);
        alerts().insert(original);
        UUID schedule = UUID.randomUUID();
        CredentialId updater = CredentialId.random();
        AlertRun run = new AlertRun(T0.plusSeconds(30), true, false, "{\"rows\": []}", 0);
        Alert changed = new Alert(original.id(), organization.id(), project.id(), "renamed", null, "SELECT 2",
                Duration.ofHours(1), Duration.ofMinutes(10), Duration.ofSeconds(90), NotifyWhen.STARTS_HAVING_MATCHES,
                false, List.of(new ChannelAssignment(added.id(), schedule), ChannelAssignment.of(kept.id())),
                T0.plusSeconds(999), CredentialId.random(), T0.plusSeconds(60), updater, run);

        alerts().update(changed);

        Alert expected = new Alert(original.id(), organization.id(), project.id(), "renamed", null, "SELECT 2",
                Duration.ofHours(1), Duration.ofMinutes(10), Duration.ofSeconds(90), NotifyWhen.STARTS_HAVING_MATCHES,
                false, List.of(new ChannelAssignment(added.id(), schedule), ChannelAssignment.of(kept.id())),
                original.createdAt(), creator, T0.plusSeconds(60), updater, run);
        assertThat(alerts().findById(original.id())).contains(expected);
        assertThat(alerts().findByName(project.id(), "renamed")).contains(expected);
        assertThat(alerts().findByName(project.id(), "errors")).isEmpty();
    }

    @Test
    void updateCanRemoveEveryChannelAndTheLastRun() {
        Organization organization = givenOrganization();
        Project project = givenProject(organization);
        Channel channel = givenChannel(organization);
        Alert original = withRun(TestData.alert(project, "errors", T0, List.of(ChannelAssignment.of(channel.id()))),
                new AlertRun(T0, true, false, "[]", 0));
        alerts().insert(original);
        Alert cleared = withRun(original.withChannels(List.of()), null);

        alerts().update(cleared);

        assertThat(alerts().findById(original.id())).contains(cleared);
    }

    @Test
    void updatingAMissingAlertIsNotFound() {
        Project project = givenProject(givenOrganization());
        Alert missing = TestData.alert(project);

        assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> alerts().update(missing));

        assertThat(alerts().findById(missing.id())).isEmpty();
    }

    @Test
    void anUpdateToATakenNameOrAMissingChannelChangesNothing() {
        Organization organization = givenOrganization();
        Organization other = givenOrganization();
        Project project = givenProject(organization);
        Channel channel = givenChannel(organization);
        Channel foreign = givenChannel(other);
        Alert taken = given(TestData.alert(project, "taken", T0, List.of()));
        Alert original = given(TestData.alert(project, "original", T0, List.of(ChannelAssignment.of(channel.id()))));

        assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> alerts().update(renamed(original,
                "taken")));
        for (ChannelId refused : List.of(ChannelId.random(), foreign.id())) {
            assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> alerts().update(renamed(original,
                    "changed").withChannels(List.of(ChannelAssignment.of(refused)))));
        }

        assertThat(alerts().findById(original.id())).contains(original);
        assertThat(alerts().findById(taken.id())).contains(taken);
    }

    @Test
    void listByProjectIsOldestFirstWithTiesBrokenByIdAndHidesOtherProjects() {
        Organization organization = givenOrganization();
        Project project = givenProject(organization);
        Project other = givenProject(organization);
        Alert oldest = TestData.alert(project, "oldest", T0, List.of());
        List<Alert> tied = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            tied.add(TestData.alert(project, "tied " + i, T0.plusSeconds(1), List.of()));
        }
        Alert newest = TestData.alert(project, "newest", T0.plusSeconds(2), List.of());
        alerts().insert(newest);
        tied.forEach(alerts()::insert);
        alerts().insert(TestData.alert(other, "elsewhere", T0, List.of()));
        alerts().insert(oldest);

        List<Alert> expected = new ArrayList<>();
        expected.add(oldest);
        expected.addAll(TestData.sortedByIdText(tied, alert -> alert.id().value()));
        expected.add(newest);
        assertThat(alerts().listByProject(project.id())).containsExactlyElementsOf(expected);
    }

    @Test
    void aListTakenEarlierIsNotChangedByLaterWrites() {
        Project project = givenProject(givenOrganization());
        Alert first = given(TestData.alert(project));
        List<Alert> before = alerts().listByProject(project.id());

        given(TestData.alert(project));
        alerts().delete(first.id());

        assertThat(before).containsExactly(first);
    }

    @Test
    void deletingAnAlertRemovesItFreesItsNameAndReportsWhetherItExisted() {
        Project project = givenProject(givenOrganization());
        Alert deleted = given(TestData.alert(project, "errors", T0, List.of()));
        Alert kept = given(TestData.alert(project));

        assertThat(alerts().delete(deleted.id())).isTrue();
        assertThat(alerts().delete(deleted.id())).isFalse();

        assertThat(alerts().findById(deleted.id())).isEmpty();
        assertThat(alerts().listByProject(project.id())).containsExactly(kept);
        Alert successor = given(TestData.alert(project, "errors", T0, List.of()));
        assertThat(alerts().findByName(project.id(), "errors")).contains(successor);
    }

    @Test
    void deletingAProjectDeletesItsAlertsAndNoOtherProjects() {
        Organization organization = givenOrganization();
        Project doomed = givenProject(organization);
        Project kept = givenProject(organization);
        Channel channel = givenChannel(organization);
        List<ChannelAssignment> notifying = List.of(ChannelAssignment.of(channel.id()));
        Alert gone = given(TestData.alert(doomed, "errors", T0, notifying));
        Alert alsoGone = given(TestData.alert(doomed, "latency", T0, List.of()));
        Alert survivor = given(TestData.alert(kept, "errors", T0, notifying));

        projects().delete(doomed.id());

        assertThat(alerts().findById(gone.id())).isEmpty();
        assertThat(alerts().findById(alsoGone.id())).isEmpty();
        assertThat(alerts().listByProject(doomed.id())).isEmpty();
        assertThat(alerts().findById(survivor.id())).contains(survivor);
        assertThat(channels().findById(channel.id())).contains(channel);
    }

    @Test
    void deletingAProjectInsideAFailedUnitOfWorkKeepsItsAlerts() {
        Project project = givenProject(givenOrganization());
        Alert alert = given(TestData.alert(project));

        assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> transactions().run(() -> {
            projects().delete(project.id());
            throw new IllegalStateException("the unit of work fails after the delete");
        }));

        assertThat(alerts().findById(alert.id())).contains(alert);
    }

    @Test
    void deletingAChannelRemovesItFromEveryAlertAndLeavesTheRestAsItWas() {
        Organization organization = givenOrganization();
        Project project = givenProject(organization);
        Project other = givenProject(organization);
        Channel doomed = givenChannel(organization);
        Channel before = givenChannel(organization);
        Channel after = givenChannel(organization);
        UUID schedule = UUID.randomUUID();
        Alert alert = given(withRun(TestData.alert(project, "errors", T0, List.of(ChannelAssignment.of(before.id()),
                        new ChannelAssignment(doomed.id(), schedule), ChannelAssignment.of(after.id()))),
                new AlertRun(T0, true, false, "[]", 0)));
        Alert onlyThat = given(TestData.alert(other, "errors", T0, List.of(ChannelAssignment.of(doomed.id()))));
        Alert untouched = given(TestData.alert(other, "latency", T0, List.of(ChannelAssignment.of(after.id()))));

        assertThat(channels().delete(doomed.id())).isTrue();

        assertThat(alerts().findById(alert.id())).contains(alert.withChannels(
                List.of(ChannelAssignment.of(before.id()), ChannelAssignment.of(after.id()))));
        assertThat(alerts().findById(onlyThat.id())).contains(onlyThat.withChannels(List.of()));
        assertThat(alerts().findById(untouched.id())).contains(untouched);
    }

    @Test
    @Timeout(60)
    void concurrentInsertsOfTheSameNameLetExactlyOneWin() throws InterruptedException {
        Project project = givenProject(givenOrganization());

        Concurrently.Outcomes outcomes = Concurrently.run(Concurrently.THREADS,
                i -> alerts().insert(TestData.alert(project, "contested", T0, List.of())));

        assertThat(outcomes.succeeded()).isOne();
        assertThat(outcomes.failures()).hasSize(Concurrently.THREADS - 1)
                .allSatisfy(failure -> assertThat(failure).isInstanceOf(ConflictException.class));
        assertThat(alerts().listByProject(project.id())).hasSize(1);
    }

    @Test
    @Timeout(60)
    void concurrentInsertsOfDistinctAlertsSharingAChannelAllLand() throws InterruptedException {
        Organization organization = givenOrganization();
        Project project = givenProject(organization);
        Channel channel = givenChannel(organization);
        Set<Alert> inserted = ConcurrentHashMap.newKeySet();

        Concurrently.Outcomes outcomes = Concurrently.run(Concurrently.THREADS, i -> {
            for (int n = 0; n < 5; n++) {
                Alert alert = TestData.alert(project, "alert " + i + "-" + n, T0,
                        List.of(ChannelAssignment.of(channel.id())));
                alerts().insert(alert);
                inserted.add(alert);
            }
        });

        assertThat(outcomes.failures()).isEmpty();
        assertThat(alerts().listByProject(project.id()))
                .hasSize(Concurrently.THREADS * 5)
                .containsExactlyInAnyOrderElementsOf(inserted);
    }

    @Test
    void aNameAtItsLimitRoundTripsWhateverItsCharacters() {
        Project project = givenProject(givenOrganization());
        String bells = "\uD83D\uDD14".repeat(AlertRules.NAME_MAX_LENGTH);
        Alert alert = given(TestData.alert(project, bells, T0, List.of()));

        assertThat(alerts().findById(alert.id()).orElseThrow().name()).isEqualTo(bells);
    }

    @Test
    void aLockingReadReadsAsFindById() {
        Project project = givenProject(givenOrganization());
        Alert alert = given(TestData.alert(project));

        assertThat(alerts().findByIdForUpdate(alert.id())).contains(alert);
        assertThat(alerts().findByIdForUpdate(AlertId.random())).isEmpty();
        assertThat(transactions().inTransaction(() -> alerts().findByIdForUpdate(alert.id()))).contains(alert);
    }

    @Test
    @Timeout(60)
    void aLockingReadWaitsForTheUnitHoldingTheAlertAndThenSeesWhatItCommitted() throws Exception {
        Organization organization = givenOrganization();
        Project project = givenProject(organization);
        Channel before = givenChannel(organization);
        Channel after = givenChannel(organization);
        Alert alert = given(TestData.alert(project, "before", T0, List.of(ChannelAssignment.of(before.id()))));
        Alert updated = new Alert(alert.id(), alert.organizationId(), alert.projectId(), "after", "changed",
                alert.query(), alert.timeWindow(), alert.frequency(), alert.watermark(), alert.notifyWhen(), false,
                List.of(ChannelAssignment.of(after.id())), alert.createdAt(), alert.createdBy(), T0.plusSeconds(60),
                CredentialId.random(), null);

        Optional<Alert> seen = LockingReads.secondReadAfterFirstCommits(transactions(),
                () -> alerts().findByIdForUpdate(alert.id()), locked -> alerts().update(updated));

        assertThat(seen).contains(updated);
    }

    private Alert given(Alert alert) {
        alerts().insert(alert);
        return alert;
    }

    private Channel givenChannel(Organization organization) {
        Channel channel = TestData.channel(organization.id());
        channels().insert(channel);
        return channel;
    }

    private static Alert withRun(Alert alert, AlertRun run) {
        return new Alert(alert.id(), alert.organizationId(), alert.projectId(), alert.name(), alert.description(),
                alert.query(), alert.timeWindow(), alert.frequency(), alert.watermark(), alert.notifyWhen(),
                alert.active(), alert.channels(), alert.createdAt(), alert.createdBy(), alert.updatedAt(),
                alert.updatedBy(), run);
    }

    private static Alert renamed(Alert alert, String name) {
        return new Alert(alert.id(), alert.organizationId(), alert.projectId(), name, alert.description(),
                alert.query(), alert.timeWindow(), alert.frequency(), alert.watermark(), alert.notifyWhen(),
                alert.active(), alert.channels(), alert.createdAt(), alert.createdBy(), T0.plusSeconds(5), null,
                alert.lastRun());
    }
}
