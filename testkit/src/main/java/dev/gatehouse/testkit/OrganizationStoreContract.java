package dev.gatehouse.testkit;

import static dev.gatehouse.testkit.TestData.T0;
import static dev.gatehouse.testkit.TestData.T0_IN_MICROS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.gatehouse.ports.model.ConflictException;
import dev.gatehouse.ports.model.Organization;
import dev.gatehouse.ports.model.OrganizationId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The contract of {@link dev.gatehouse.ports.out.OrganizationStore}: unique ids and names, oldest-first listing. */
public abstract class OrganizationStoreContract extends StorageContract {

    @Test
    void anInsertedOrganizationIsFoundByIdAndByName() {
        Organization organization = TestData.organization();

        organizations().insert(organization);

        assertThat(organizations().findById(organization.id())).contains(organization);
        assertThat(organizations().findByName(organization.name())).contains(organization);
    }

    @Test
    void unknownIdsAndNamesAreNotFound() {
        givenOrganization();

        assertThat(organizations().findById(OrganizationId.random())).isEmpty();
        assertThat(organizations().findByName("no such organization")).isEmpty();
    }

    @Test
    void createdAtRoundTripsAtMicrosecondPrecision() {
        Organization organization = TestData.organization("precise", T0);

        organizations().insert(organization);

        assertThat(organizations().findById(organization.id()).orElseThrow().createdAt()).isEqualTo(T0_IN_MICROS);
    }

    @Test
    void namesRoundTripExactly() {
        Organization unicode = TestData.organization("Ærøskøbing Ünïcode 組織 🚀", T0);
        Organization longest = TestData.organization("x".repeat(100), T0);

        organizations().insert(unicode);
        organizations().insert(longest);

        assertThat(organizations().findByName(unicode.name())).contains(unicode);
        assertThat(organizations().findByName(longest.name())).contains(longest);
    }

    @Test
    void insertingATakenIdConflictsAndKeepsTheOriginal() {
        Organization original = givenOrganization();
        Organization sameId = new Organization(original.id(), "another " + TestData.unique(), T0.plusSeconds(1));

        assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> organizations().insert(sameId));

        assertThat(organizations().findById(original.id())).contains(original);
        assertThat(organizations().findByName(sameId.name())).isEmpty();
    }

    @Test
    void insertingATakenNameConflictsAndKeepsTheOriginal() {
        Organization original = givenOrganization();
        Organization sameName = TestData.organization(original.name(), T0.plusSeconds(1));

        assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> organizations().insert(sameName));

        assertThat(organizations().findById(sameName.id())).isEmpty();
        assertThat(organizations().list()).containsExactly(original);
    }

    @Test
    void anEmptyStorageListsNoOrganization() {
        assertThat(organizations().list()).isEmpty();
    }

    @Test
    void listIsOldestFirstWithTiesBrokenById() {
        Organization oldest = TestData.organization("oldest", T0);
        List<Organization> tied = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            tied.add(TestData.organization("tied " + i, T0.plusSeconds(1)));
        }
        Organization newest = TestData.organization("newest", T0.plusSeconds(2));
        organizations().insert(newest);
        tied.forEach(organizations()::insert);
        organizations().insert(oldest);

        List<Organization> expected = new ArrayList<>();
        expected.add(oldest);
        expected.addAll(TestData.sortedByIdText(tied, organization -> organization.id().value()));
        expected.add(newest);
        assertThat(organizations().list()).containsExactlyElementsOf(expected);
    }

    @Test
    void aListTakenEarlierIsNotChangedByLaterInserts() {
        Organization first = givenOrganization();
        List<Organization> before = organizations().list();

        givenOrganization();

        assertThat(before).containsExactly(first);
    }

    @Test
    @Timeout(60)
    void concurrentInsertsOfTheSameNameLetExactlyOneWin() throws InterruptedException {
        Concurrently.Outcomes outcomes = Concurrently.run(Concurrently.THREADS,
                i -> organizations().insert(TestData.organization("contested", T0)));

        assertThat(outcomes.succeeded()).isOne();
        assertThat(outcomes.failures()).hasSize(Concurrently.THREADS - 1)
                .allSatisfy(failure -> assertThat(failure).isInstanceOf(ConflictException.class));
        assertThat(organizations().list()).hasSize(1);
    }

    @Test
    @Timeout(60)
    void concurrentInsertsOfDistinctOrganizationsAllLand() throws InterruptedException {
        Set<Organization> inserted = ConcurrentHashMap.newKeySet();

        Concurrently.Outcomes outcomes = Concurrently.run(Concurrently.THREADS, i -> {
            for (int n = 0; n < 10; n++) {
                Organization organization = TestData.organization();
                organizations().insert(organization);
                inserted.add(organization);
            }
        });

        assertThat(outcomes.failures()).isEmpty();
        assertThat(organizations().list()).hasSize(Concurrently.THREADS * 10).containsExactlyInAnyOrderElementsOf(inserted);
    }
}
