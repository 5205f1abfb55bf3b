package dev.gatehouse.testkit;

import static dev.gatehouse.testkit.TestData.T0;
import static dev.gatehouse.testkit.TestData.T0_IN_MICROS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.gatehouse.ports.model.ConflictException;
import dev.gatehouse.ports.model.Credential;
import dev.gatehouse.ports.model.CredentialKind;
import dev.gatehouse.ports.model.Environment;
import dev.gatehouse.ports.model.NotFoundException;
import dev.gatehouse.ports.model.Organization;
import dev.gatehouse.ports.model.OrganizationId;
import dev.gatehouse.ports.model.Project;
import dev.gatehouse.ports.model.ProjectId;
import dev.gatehouse.ports.model.ProjectRules;
import dev.gatehouse.ports.model.Visibility;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The contract of {@link dev.gatehouse.ports.out.ProjectStore}: names unique per organization, the organization must
 * exist, and deleting a project deletes its credentials and nothing else.
 */
public abstract class ProjectStoreContract extends StorageContract {

    @Test
    void anInsertedProjectIsFoundByIdAndByName() {
        Organization organization = givenOrganization();
        Project project = TestData.project(organization.id());

        projects().insert(project);

        assertThat(projects().findById(project.id())).contains(project);
        assertThat(projects().findByName(organization.id(), project.name())).contains(project);
    }

    @Test
    void unknownIdsAndNamesAreNotFound() {
        Organization organization = givenOrganization();
        Project project = givenProject(organization);

        assertThat(projects().findById(ProjectId.random())).isEmpty();
        assertThat(projects().findByName(organization.id(), "no-such-project")).isEmpty();
        assertThat(projects().findByName(OrganizationId.random(), project.name())).isEmpty();
    }

    @Test
    void everyFieldRoundTripsWithTimestampsAtMicrosecondPrecision() {
        Organization organization = givenOrganization();
        Instant updated = Instant.parse("2031-12-31T23:59:59.999999999Z");
        Project project = new Project(ProjectId.random(), organization.id(), "a-" + "b".repeat(48),
                "Beschreibung: ünïcode ✓ " + "d".repeat(400), Visibility.PUBLIC, Environment.STAGING, T0, updated);

        projects().insert(project);

        Project found = projects().findById(project.id()).orElseThrow();
        assertThat(found).isEqualTo(project);
        assertThat(found.createdAt()).isEqualTo(T0_IN_MICROS);
        assertThat(found.updatedAt()).isEqualTo(Instant.parse("2031-12-31T23:59:59.999999Z"));
    }

    @Test
    void aDescriptionAtItsLimitRoundTripsWhateverItsCharacters() {
        Organization organization = givenOrganization();
        String emoji = "\uD83D\uDE00".repeat(ProjectRules.DESCRIPTION_MAX_LENGTH);
        Project project = new Project(ProjectId.random(), organization.id(), "emoji", emoji, Visibility.PRIVATE,
                Environment.DEVELOPMENT, T0, T0);

        projects().insert(project);

        assertThat(projects().findById(project.id()).orElseThrow().description()).isEqualTo(emoji);
    }

    @Test
    void aNullDescriptionRoundTripsAsNull() {
        Organization organization = givenOrganization();
        Project project = new Project(ProjectId.random(), organization.id(), "bare", null, Visibility.PRIVATE,
                Environment.DEVELOPMENT, T0, T0);

        projects().insert(project);

        assertThat(projects().findById(project.id()).orElseThrow().description()).isNull();
    }

    @Test
    void insertingIntoAnUnknownOrganizationIsNotFound() {
        Project orphan = TestData.project(OrganizationId.random());

        assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> projects().insert(orphan));

        assertThat(projects().findById(orphan.id())).isEmpty();
    }

    @Test
    void insertingATakenIdConflictsAndKeepsTheOriginal() {
        Organization organization = givenOrganization();
        Project original = givenProject(organization);
        Project sameId = new Project(original.id(), organization.id(), "other-name", null, Visibility.PUBLIC,
                Environment.STAGING, T0, T0);

        assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> projects().insert(sameId));

        assertThat(projects().findById(original.id())).contains(original);
        assertThat(projects().findByName(organization.id(), "other-name")).isEmpty();
    }

    @Test
    void insertingATakenNameInTheSameOrganizationConflicts() {
        Organization organization = givenOrganization();
        Project original = givenProject(organization);
        Project sameName = TestData.project(organization.id(), original.name());

        assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> projects().insert(sameName));

        assertThat(projects().findById(sameName.id())).isEmpty();
        assertThat(projects().listByOrganization(organization.id())).containsExactly(original);
    }

    @Test
    void theSameNameMayBeUsedInAnotherOrganization() {
        Organization first = givenOrganization();
        Organization second = givenOrganization();
        Project inFirst = TestData.project(first.id(), "shared-name");
        Project inSecond = TestData.project(second.id(), "shared-name");

        projects().insert(inFirst);
        projects().insert(inSecond);

        assertThat(projects().findByName(first.id(), "shared-name")).contains(inFirst);
        assertThat(projects().findByName(second.id(), "shared-name")).contains(inSecond);
    }

    @Test
    void updateReplacesEveryFieldButOrganizationAndCreation() {
        Organization organization = givenOrganization();
        Organization other = givenOrganization();
        Project original = givenProject(organization);
        Instant later = T0.plusSeconds(3600);
        Project changed = new Project(original.id(), other.id(), "renamed", "new description", Visibility.PUBLIC,
                Environment.DEVELOPMENT, later, later);

        projects().update(changed);

        Project expected = new Project(original.id(), organization.id(), "renamed", "new description",
                Visibility.PUBLIC, Environment.DEVELOPMENT, original.createdAt(), later);
        assertThat(projects().findById(original.id())).contains(expected);
        assertThat(projects().findByName(organization.id(), "renamed")).contains(expected);
        assertThat(projects().findByName(organization.id(), original.name())).isEmpty();
        assertThat(projects().listByOrganization(other.id())).isEmpty();
    }

    @Test
    void updateCanClearTheDescription() {
        Organization organization = givenOrganization();
        Project original = givenProject(organization);
        Project cleared = new Project(original.id(), organization.id(), original.name(), null,
                original.visibility(), original.environment(), original.createdAt(), T0.plusSeconds(1));

        projects().update(cleared);

        assertThat(projects().findById(original.id())).contains(cleared);
    }

    @Test
    void updatingAMissingProjectIsNotFound() {
        Organization organization = givenOrganization();
        Project missing = TestData.project(organization.id());

        assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> projects().update(missing));

        assertThat(projects().findById(missing.id())).isEmpty();
    }

    @Test
    void renamingToATakenNameConflictsAndLeavesTheProjectUnchanged() {
        Organization organization = givenOrganization();
        Project taken = givenProject(organization);
        Project original = givenProject(organization);
        Project clash = new Project(original.id(), organization.id(), taken.name(), "changed", Visibility.PUBLIC,
                Environment.STAGING, original.createdAt(), T0.plusSeconds(1));

        assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> projects().update(clash));

        assertThat(projects().findById(original.id())).contains(original);
        assertThat(projects().findByName(organization.id(), taken.name())).contains(taken);
    }

    @Test
    void keepingTheNameOnUpdateIsNoConflict() {
        Organization organization = givenOrganization();
        Project original = givenProject(organization);
        Project changed = new Project(original.id(), organization.id(), original.name(), "only this changed",
                original.visibility(), original.environment(), original.createdAt(), T0.plusSeconds(1));

        projects().update(changed);

        assertThat(projects().findById(original.id())).contains(changed);
    }

    @Test
    void listByOrganizationIsOldestFirstWithTiesBrokenByIdAndHidesOtherOrganizations() {
        Organization organization = givenOrganization();
        Organization other = givenOrganization();
        Project oldest = TestData.project(organization.id(), "oldest", T0);
        List<Project> tied = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            tied.add(TestData.project(organization.id(), "tied-" + i, T0.plusSeconds(1)));
        }
        Project newest = TestData.project(organization.id(), "newest", T0.plusSeconds(2));
        projects().insert(newest);
        tied.forEach(projects()::insert);
        projects().insert(TestData.project(other.id(), "elsewhere", T0));
        projects().insert(oldest);

        List<Project> expected = new ArrayList<>();
        expected.add(oldest);
        expected.addAll(TestData.sortedByIdText(tied, project -> project.id().value()));
        expected.add(newest);
        assertThat(projects().listByOrganization(organization.id())).containsExactlyElementsOf(expected);
    }

    @Test
    void anUnknownOrganizationListsNoProject() {
        givenProject(givenOrganization());

        assertThat(projects().listByOrganization(OrganizationId.random())).isEmpty();
    }

    @Test
    void aListTakenEarlierIsNotChangedByLaterWrites() {
        Organization organization = givenOrganization();
        Project first = givenProject(organization);
        List<Project> before = projects().listByOrganization(organization.id());

        givenProject(organization);
        projects().delete(first.id());

        assertThat(before).containsExactly(first);
    }

    @Test
    void deletingAProjectRemovesItAndReportsThatItExisted() {
        Organization organization = givenOrganization();
        Project project = givenProject(organization);
        Project kept = givenProject(organization);

        assertThat(projects().delete(project.id())).isTrue();

        assertThat(projects().findById(project.id())).isEmpty();
        assertThat(projects().findByName(organization.id(), project.name())).isEmpty();
        assertThat(projects().listByOrganization(organization.id())).containsExactly(kept);
    }

    @Test
    void deletingAMissingProjectReportsThatItDidNotExist() {
        givenProject(givenOrganization());

        assertThat(projects().delete(ProjectId.random())).isFalse();
    }

    @Test
    void deletingAProjectFreesItsName() {
        Organization organization = givenOrganization();
        Project deleted = givenProject(organization);
        projects().delete(deleted.id());
        Project successor = TestData.project(organization.id(), deleted.name());

        projects().insert(successor);

        assertThat(projects().findByName(organization.id(), deleted.name())).contains(successor);
    }

    @Test
    void deletingAProjectDeletesItsCredentials() {
        Organization organization = givenOrganization();
        Project project = givenProject(organization);
        Credential writeToken = given(TestData.writeToken(project).build());
        Credential readToken = given(TestData.readToken(project).build());
        Credential projectKey = given(TestData.projectApiKey(project).build());

        projects().delete(project.id());

        for (Credential credential : List.of(writeToken, readToken, projectKey)) {
            assertThat(credentials().findById(credential.id())).isEmpty();
            assertThat(credentials().findByHash(credential.tokenHash())).isEmpty();
        }
        assertThat(credentials().listByProject(project.id(), CredentialKind.WRITE_TOKEN)).isEmpty();
        assertThat(credentials().listByOrganization(organization.id(), CredentialKind.API_KEY)).isEmpty();
    }

    @Test
    void deletingAProjectKeepsOtherProjectsCredentialsAndOrganizationWideKeys() {
        Organization organization = givenOrganization();
        Project deleted = givenProject(organization);
        Project kept = givenProject(organization);
        given(TestData.writeToken(deleted).build());
        given(TestData.projectApiKey(deleted).build());
        Credential keptToken = given(TestData.writeToken(kept).build());
        Credential keptProjectKey = given(TestData.projectApiKey(kept).build());
        Credential organizationKey = given(TestData.apiKey(organization.id()).build());

        projects().delete(deleted.id());

        assertThat(credentials().findById(keptToken.id())).contains(keptToken);
        assertThat(credentials().findById(keptProjectKey.id())).contains(keptProjectKey);
        assertThat(credentials().findById(organizationKey.id())).contains(organizationKey);
        assertThat(credentials().listByOrganization(organization.id(), CredentialKind.API_KEY))
                .containsExactlyInAnyOrder(keptProjectKey, organizationKey);
        assertThat(projects().findById(kept.id())).contains(kept);
    }

    @Test
    @Timeout(60)
    void concurrentInsertsOfTheSameNameLetExactlyOneWin() throws InterruptedException {
        Organization organization = givenOrganization();

        Concurrently.Outcomes outcomes = Concurrently.run(Concurrently.THREADS,
                i -> projects().insert(TestData.project(organization.id(), "contested")));

        assertThat(outcomes.succeeded()).isOne();
        assertThat(outcomes.failures()).hasSize(Concurrently.THREADS - 1)
                .allSatisfy(failure -> assertThat(failure).isInstanceOf(ConflictException.class));
        assertThat(projects().listByOrganization(organization.id())).hasSize(1);
    }

    @Test
    @Timeout(60)
    void concurrentInsertsOfDistinctProjectsAllLand() throws InterruptedException {
        Organization organization = givenOrganization();
        Set<Project> inserted = ConcurrentHashMap.newKeySet();

        Concurrently.Outcomes outcomes = Concurrently.run(Concurrently.THREADS, i -> {
            for (int n = 0; n < 10; n++) {
                Project project = TestData.project(organization.id());
                projects().insert(project);
                inserted.add(project);
            }
        });

        assertThat(outcomes.failures()).isEmpty();
        assertThat(projects().listByOrganization(organization.id()))
                .hasSize(Concurrently.THREADS * 10)
                .containsExactlyInAnyOrderElementsOf(inserted);
    }

    @Test
    void aLockingReadReadsAsFindById() {
        Project project = givenProject(givenOrganization());

        assertThat(projects().findByIdForUpdate(project.id())).contains(project);
        assertThat(projects().findByIdForUpdate(ProjectId.random())).isEmpty();
        assertThat(transactions().inTransaction(() -> projects().findByIdForUpdate(project.id()))).contains(project);
    }

    @Test
    @Timeout(60)
    void aLockingReadWaitsForTheUnitHoldingTheProjectAndThenSeesWhatItCommitted() throws Exception {
        Project project = givenProject(givenOrganization());
        Project updated = new Project(project.id(), project.organizationId(), "changed", "changed too",
                project.visibility(), project.environment(), project.createdAt(), T0.plusSeconds(60));

        Optional<Project> seen = LockingReads.secondReadAfterFirstCommits(transactions(),
                () -> projects().findByIdForUpdate(project.id()), locked -> projects().update(updated));

        assertThat(seen).contains(updated);
    }
}
