package dev.gatehouse.testkit;

import static dev.gatehouse.testkit.TestData.T0;
import static dev.gatehouse.testkit.TestData.T0_IN_MICROS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.gatehouse.ports.model.ConflictException;
import dev.gatehouse.ports.model.Credential;
import dev.gatehouse.ports.model.CredentialGrant;
import dev.gatehouse.ports.model.CredentialId;
import dev.gatehouse.ports.model.CredentialKind;
import dev.gatehouse.ports.model.GatewayProxyClaims;
import dev.gatehouse.ports.model.NotFoundException;
import dev.gatehouse.ports.model.Organization;
import dev.gatehouse.ports.model.OrganizationId;
import dev.gatehouse.ports.model.Project;
import dev.gatehouse.ports.model.ProjectId;
import dev.gatehouse.ports.model.Scope;
import dev.gatehouse.ports.model.ScopeClaims;
import dev.gatehouse.ports.model.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The contract of {@link dev.gatehouse.ports.out.CredentialStore}: unique ids and hashes, at most one rotation
 * successor, existing owners, mutable fields only on update, and {@code last_used_at} only ever advancing.
 */
public abstract class CredentialStoreContract extends StorageContract {

    @Test
    void anInsertedCredentialIsFoundByIdAndByHash() {
        Organization organization = givenOrganization();
        Credential key = TestData.apiKey(organization.id()).build();

        credentials().insert(key);

        assertThat(credentials().findById(key.id())).contains(key);
        assertThat(credentials().findByHash(key.tokenHash())).contains(key);
    }

    @Test
    void unknownIdsAndHashesAreNotFound() {
        given(TestData.apiKey(givenOrganization().id()).build());

        assertThat(credentials().findById(CredentialId.random())).isEmpty();
        assertThat(credentials().findByHash(TestData.tokenHash())).isEmpty();
    }

    @Test
    void everyFieldRoundTripsWithTimestampsAtMicrosecondPrecision() {
        Organization organization = givenOrganization();
        Project project = givenProject(organization);
        Credential admin = given(TestData.apiKey(organization.id()).build());
        Credential predecessor = given(TestData.writeToken(project).build());
        Credential full = TestData.writeToken(project)
                .name("ingest ✓ ünïcode")
                .description("the collector's token")
                .scopes(EnumSet.allOf(Scope.class))
                .tokenPrefix("gth_wt_Zz9y")
                .createdAt(T0)
                .createdBy(admin.id())
                .expiresAt(Instant.parse("2099-12-31T23:59:59.999999999Z"))
                .lastUsedAt(Instant.parse("2024-03-01T00:00:00.000000999Z"))
                .revokedAt(Instant.parse("2024-03-02T10:20:30.405060708Z"))
                .updatedAt(Instant.parse("2024-03-02T10:20:30.405060709Z"))
                .updatedBy(admin.id())
                .rotatedFrom(predecessor.id())
                .claims(new ScopeClaims(new GatewayProxyClaims(100L, 0L, Long.MAX_VALUE, null, false)))
                .build();

        credentials().insert(full);

        Credential found = credentials().findById(full.id()).orElseThrow();
        assertThat(found).isEqualTo(full);
        assertThat(found.scopes()).containsExactlyInAnyOrder(Scope.values());
        assertThat(found.createdAt()).isEqualTo(T0_IN_MICROS);
        assertThat(found.expiresAt()).isEqualTo(Instant.parse("2099-12-31T23:59:59.999999Z"));
        assertThat(found.lastUsedAt()).isEqualTo(Instant.parse("2024-03-01T00:00:00Z"));
        assertThat(found.revokedAt()).isEqualTo(Instant.parse("2024-03-02T10:20:30.405060Z"));
        assertThat(found.updatedAt()).isEqualTo(Instant.parse("2024-03-02T10:20:30.405060Z"));
    }

    @Test
    void anExpiryAtTheLastSupportedInstantRoundTripsIntoTheGrant() {
        Organization organization = givenOrganization();
        Credential key = given(TestData.apiKey(organization.id()).expiresAt(Timestamps.LATEST).build());

        assertThat(credentials().findById(key.id()).orElseThrow().expiresAt()).isEqualTo(Timestamps.LATEST);
        assertThat(credentials().findGrantByHash(key.tokenHash()).orElseThrow().expiresAt())
                .isEqualTo(Timestamps.LATEST);
    }

    @Test
    void theGrantOfAHashIsWhatItsCredentialGrants() {
        Organization organization = givenOrganization();
        Project project = givenProject(organization);
        Credential token = given(TestData.writeToken(project)
                .scopes(EnumSet.of(Scope.PROJECT_WRITE, Scope.PROJECT_READ))
                .expiresAt(Instant.parse("2099-12-31T23:59:59.999999999Z"))
                .build());
        Credential key = given(TestData.apiKey(organization.id()).scopes(EnumSet.allOf(Scope.class)).build());
        Credential revoked = given(TestData.readToken(project).revokedAt(T0.plusSeconds(1)).build());

        assertThat(credentials().findGrantByHash(token.tokenHash())).contains(new CredentialGrant(token.id(),
                CredentialKind.WRITE_TOKEN, organization.id(), project.id(),
                EnumSet.of(Scope.PROJECT_WRITE, Scope.PROJECT_READ), Instant.parse("2099-12-31T23:59:59.999999Z"),
                false, ScopeClaims.NONE));
        assertThat(credentials().findGrantByHash(key.tokenHash())).contains(CredentialGrant.of(key));
        assertThat(credentials().findGrantByHash(key.tokenHash()).orElseThrow().projectId()).isNull();
        assertThat(credentials().findGrantByHash(key.tokenHash()).orElseThrow().scopes())
                .containsExactlyInAnyOrder(Scope.values());
        assertThat(credentials().findGrantByHash(revoked.tokenHash()).orElseThrow().revoked()).isTrue();
        assertThat(credentials().findGrantByHash(TestData.tokenHash())).isEmpty();
    }

    @Test
    void theGrantFollowsExpiryAndRevocation() {
        Organization organization = givenOrganization();
        Credential original = given(TestData.apiKey(organization.id()).build());
        Credential changed = TestData.copyOf(original)
                .expiresAt(T0.plusSeconds(86_400))
                .revokedAt(T0.plusSeconds(60))
                .updatedAt(T0.plusSeconds(60))
                .build();

        credentials().update(changed);

        assertThat(credentials().findGrantByHash(original.tokenHash())).contains(CredentialGrant.of(changed));
        assertThat(credentials().findGrantByHash(original.tokenHash()).orElseThrow().revoked()).isTrue();
    }

    @Test
    void unsetOptionalFieldsRoundTripAsNull() {
        Organization organization = givenOrganization();
        Project project = givenProject(organization);
        Credential token = given(TestData.readToken(project).build());
        Credential key = given(TestData.apiKey(organization.id()).build());

        for (Credential credential : List.of(token, key)) {
            Credential found = credentials().findById(credential.id()).orElseThrow();
            assertThat(found).isEqualTo(credential);
            assertThat(found.description()).isNull();
            assertThat(found.createdBy()).isNull();
            assertThat(found.expiresAt()).isNull();
            assertThat(found.lastUsedAt()).isNull();
            assertThat(found.revokedAt()).isNull();
            assertThat(found.updatedAt()).isNull();
            assertThat(found.updatedBy()).isNull();
            assertThat(found.rotatedFrom()).isNull();
        }
        assertThat(credentials().findById(token.id()).orElseThrow().name()).isNull();
        assertThat(credentials().findById(key.id()).orElseThrow().projectId()).isNull();
    }

    @Test
    void insertingATakenIdConflictsAndKeepsTheOriginal() {
        Organization organization = givenOrganization();
        Credential original = given(TestData.apiKey(organization.id()).build());
        Credential sameId = TestData.apiKey(organization.id()).id(original.id()).build();

        assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> credentials().insert(sameId));

        assertThat(credentials().findById(original.id())).contains(original);
        assertThat(credentials().findByHash(sameId.tokenHash())).isEmpty();
    }

    @Test
    void insertingATakenHashConflictsAndKeepsTheOriginal() {
        Organization organization = givenOrganization();
        Project project = givenProject(organization);
        Credential original = given(TestData.apiKey(organization.id()).build());
        Credential sameHash = TestData.writeToken(project).tokenHash(original.tokenHash()).build();

        assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> credentials().insert(sameHash));

        assertThat(credentials().findById(sameHash.id())).isEmpty();
        assertThat(credentials().findByHash(original.tokenHash())).contains(original);
    }

    @Test
    void aSecondRotationSuccessorOfTheSameCredentialConflicts() {
        Organization organization = givenOrganization();
        Project project = givenProject(organization);
        Credential predecessor = given(TestData.writeToken(project).build());
        Credential successor = given(TestData.writeToken(project).rotatedFrom(predecessor.id()).build());
        Credential second = TestData.writeToken(project).rotatedFrom(predecessor.id()).build();

        assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> credentials().insert(second));

        assertThat(credentials().findById(second.id())).isEmpty();
        assertThat(credentials().findById(successor.id())).contains(successor);
    }

    @Test
    void eachCredentialMayHaveItsOwnSuccessor() {
        Organization organization = givenOrganization();
        Project project = givenProject(organization);
        Credential first = given(TestData.writeToken(project).build());
        Credential second = given(TestData.writeToken(project).build());
        Credential firstSuccessor = given(TestData.writeToken(project).rotatedFrom(first.id()).build());
        Credential secondSuccessor = given(TestData.writeToken(project).rotatedFrom(second.id()).build());
        Credential successorOfSuccessor = given(TestData.writeToken(project).rotatedFrom(firstSuccessor.id()).build());

        assertThat(credentials().listByProject(project.id(), CredentialKind.WRITE_TOKEN))
                .containsExactlyInAnyOrder(first, second, firstSuccessor, secondSuccessor, successorOfSuccessor);
    }

    @Test
    void insertingForAnUnknownOrganizationIsNotFound() {
        Credential orphan = TestData.apiKey(OrganizationId.random()).build();

        assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> credentials().insert(orphan));

        assertThat(credentials().findById(orphan.id())).isEmpty();
    }

    @Test
    void insertingForAnUnknownProjectIsNotFound() {
        Organization organization = givenOrganization();
        Project neverStored = TestData.project(organization.id());
        Credential token = TestData.writeToken(neverStored).build();

        assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> credentials().insert(token));

        assertThat(credentials().findById(token.id())).isEmpty();
        assertThat(credentials().findByHash(token.tokenHash())).isEmpty();
    }

    @Test
    void insertingForAProjectOfAnotherOrganizationIsNotFound() {
        Organization organization = givenOrganization();
        Project foreignProject = givenProject(givenOrganization());
        Credential misbound = new Credential(CredentialId.random(), organization.id(), foreignProject.id(),
                CredentialKind.WRITE_TOKEN, null, null, Set.of(Scope.PROJECT_WRITE_OTLP), TestData.tokenHash(),
                "gth_wt_AbCd", T0, null, null, null, null, null, null, null, null);

        assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> credentials().insert(misbound));

        assertThat(credentials().findById(misbound.id())).isEmpty();
        assertThat(credentials().listByProject(foreignProject.id(), CredentialKind.WRITE_TOKEN)).isEmpty();
    }

    @Test
    void insertingForADeletedProjectIsNotFound() {
        Organization organization = givenOrganization();
        Project project = givenProject(organization);
        projects().delete(project.id());
        Credential key = TestData.projectApiKey(project).build();

        assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> credentials().insert(key));
    }

    @Test
    void updateReplacesNameDescriptionExpiryRevocationAndUpdateStamp() {
        Organization organization = givenOrganization();
        Credential admin = given(TestData.apiKey(organization.id()).build());
        Credential original = given(TestData.apiKey(organization.id()).description("old").build());
        Credential changed = TestData.copyOf(original)
                .name("renamed")
                .description("new description")
                .expiresAt(T0.plusSeconds(86_400))
                .revokedAt(T0.plusSeconds(60))
                .updatedAt(T0.plusSeconds(60))
                .updatedBy(admin.id())
                .build();

        credentials().update(changed);

        assertThat(credentials().findById(original.id())).contains(changed);
        assertThat(credentials().findByHash(original.tokenHash())).contains(changed);
    }

    @Test
    void updateReplacesAndClearsTheClaims() {
        Organization organization = givenOrganization();
        Credential original = given(TestData.apiKey(organization.id())
                .scopes(EnumSet.of(Scope.PROJECT_GATEWAY_PROXY))
                .claims(new ScopeClaims(new GatewayProxyClaims(10L, null, null, 1_000L, null)))
                .build());
        Credential changed = TestData.copyOf(original)
                .claims(new ScopeClaims(new GatewayProxyClaims(null, 20L, 30L, null, true)))
                .build();
        Credential cleared = TestData.copyOf(original).claims(ScopeClaims.NONE).build();

        assertThat(credentials().findById(original.id())).contains(original);
        credentials().update(changed);
        assertThat(credentials().findById(original.id())).contains(changed);
        credentials().update(cleared);
        assertThat(credentials().findById(original.id()).orElseThrow().claims()).isEqualTo(ScopeClaims.NONE);
    }

    @Test
    void updateCanClearOptionalFields() {
        Organization organization = givenOrganization();
        Credential admin = given(TestData.apiKey(organization.id()).build());
        Credential original = given(TestData.apiKey(organization.id())
                .description("to be cleared")
                .expiresAt(T0.plusSeconds(600))
                .updatedAt(T0.plusSeconds(1))
                .updatedBy(admin.id())
                .build());
        Credential cleared = TestData.copyOf(original)
                .description(null)
                .expiresAt(null)
                .updatedAt(null)
                .updatedBy(null)
                .build();

        credentials().update(cleared);

        assertThat(credentials().findById(original.id())).contains(cleared);
    }

    @Test
    void updateLeavesEveryOtherFieldAlone() {
        Organization organization = givenOrganization();
        Project project = givenProject(organization);
        Project otherProject = givenProject(organization);
        Credential admin = given(TestData.apiKey(organization.id()).build());
        Credential predecessor = given(TestData.projectApiKey(project).build());
        Credential original = given(TestData.projectApiKey(project)
                .createdBy(admin.id())
                .rotatedFrom(predecessor.id())
                .build());
        Credential attempted = TestData.projectApiKey(otherProject)
                .id(original.id())
                .name("renamed")
                .scopes(EnumSet.of(Scope.ORGANIZATION_ADMIN))
                .tokenPrefix("gth_ak_Other")
                .createdAt(T0.plusSeconds(1_000))
                .createdBy(null)
                .updatedAt(T0.plusSeconds(2_000))
                .build();

        credentials().update(attempted);

        Credential expected = TestData.copyOf(original)
                .name("renamed")
                .updatedAt(T0.plusSeconds(2_000))
                .build();
        assertThat(credentials().findById(original.id())).contains(expected);
        assertThat(credentials().findByHash(original.tokenHash())).contains(expected);
        assertThat(credentials().findByHash(attempted.tokenHash())).isEmpty();
    }

    @Test
    void updateLeavesLastUsedAtAlone() {
        Organization organization = givenOrganization();
        Credential original = given(TestData.apiKey(organization.id()).build());
        credentials().recordUse(Map.of(original.id(), T0.plusSeconds(10)));

        credentials().update(TestData.copyOf(original).name("renamed").build());
        credentials().update(TestData.copyOf(original).name("renamed again").lastUsedAt(T0.plusSeconds(99)).build());

        Credential found = credentials().findById(original.id()).orElseThrow();
        assertThat(found.name()).isEqualTo("renamed again");
        assertThat(found.lastUsedAt()).isEqualTo(T0_IN_MICROS.plusSeconds(10));
    }

    @Test
    void updatingAMissingCredentialIsNotFound() {
        Organization organization = givenOrganization();
        Credential missing = TestData.apiKey(organization.id()).build();

        assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> credentials().update(missing));

        assertThat(credentials().findById(missing.id())).isEmpty();
    }

    @Test
    void listByOrganizationReturnsEveryCredentialOfTheKindOldestFirstWithTiesBrokenById() {
        Organization organization = givenOrganization();
        Organization other = givenOrganization();
        Project project = givenProject(organization);
        Credential oldest = TestData.projectApiKey(project).createdAt(T0).build();
        List<Credential> tied = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            tied.add(TestData.apiKey(organization.id()).createdAt(T0.plusSeconds(1)).build());
        }
        Credential newest = TestData.apiKey(organization.id()).createdAt(T0.plusSeconds(2)).build();
        given(newest);
        tied.forEach(credentials()::insert);
        given(oldest);
        given(TestData.apiKey(other.id()).build());
        given(TestData.writeToken(project).build());

        List<Credential> expected = new ArrayList<>();
        expected.add(oldest);
        expected.addAll(TestData.sortedByIdText(tied, credential -> credential.id().value()));
        expected.add(newest);
        assertThat(credentials().listByOrganization(organization.id(), CredentialKind.API_KEY))
                .containsExactlyElementsOf(expected);
    }

    @Test
    void listByOrganizationOfTokensIncludesEveryProjectsTokens() {
        Organization organization = givenOrganization();
        Project first = givenProject(organization);
        Project second = givenProject(organization);
        Credential firstToken = given(TestData.readToken(first).createdAt(T0).build());
        Credential secondToken = given(TestData.readToken(second).createdAt(T0.plusSeconds(1)).build());
        given(TestData.writeToken(first).build());

        assertThat(credentials().listByOrganization(organization.id(), CredentialKind.READ_TOKEN))
                .containsExactly(firstToken, secondToken);
    }

    @Test
    void listByProjectReturnsOnlyThatProjectsCredentialsOfTheKindOldestFirstWithTiesBrokenById() {
        Organization organization = givenOrganization();
        Project project = givenProject(organization);
        Project other = givenProject(organization);
        List<Credential> tied = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            tied.add(TestData.writeToken(project).createdAt(T0).build());
        }
        Credential newest = given(TestData.writeToken(project).createdAt(T0.plusSeconds(5)).build());
        tied.forEach(credentials()::insert);
        given(TestData.readToken(project).build());
        given(TestData.writeToken(other).build());
        given(TestData.apiKey(organization.id()).build());

        List<Credential> expected = new ArrayList<>(TestData.sortedByIdText(tied, credential -> credential.id().value()));
        expected.add(newest);
        assertThat(credentials().listByProject(project.id(), CredentialKind.WRITE_TOKEN))
                .containsExactlyElementsOf(expected);
        assertThat(credentials().listByProject(ProjectId.random(), CredentialKind.WRITE_TOKEN)).isEmpty();
    }

    @Test
    void aListTakenEarlierIsNotChangedByLaterWrites() {
        Organization organization = givenOrganization();
        Credential first = given(TestData.apiKey(organization.id()).build());
        List<Credential> before = credentials().listByOrganization(organization.id(), CredentialKind.API_KEY);

        given(TestData.apiKey(organization.id()).build());
        credentials().update(TestData.copyOf(first).name("renamed").build());

        assertThat(before).containsExactly(first);
    }

    @Test
    void recordUseSetsLastUsedAtAtMicrosecondPrecision() {
        Organization organization = givenOrganization();
        Credential key = given(TestData.apiKey(organization.id()).build());

        credentials().recordUse(Map.of(key.id(), T0));

        assertThat(credentials().findById(key.id()).orElseThrow().lastUsedAt()).isEqualTo(T0_IN_MICROS);
        assertThat(credentials().findByHash(key.tokenHash()).orElseThrow().lastUsedAt()).isEqualTo(T0_IN_MICROS);
    }

    @Test
    void recordUseKeepsTheLaterInstant() {
        Organization organization = givenOrganization();
        Credential advanced = given(TestData.apiKey(organization.id()).build());
        Credential kept = given(TestData.apiKey(organization.id()).build());
        credentials().recordUse(Map.of(advanced.id(), T0, kept.id(), T0.plusSeconds(60)));

        credentials().recordUse(Map.of(advanced.id(), T0.plusSeconds(30), kept.id(), T0.plusSeconds(30)));

        assertThat(credentials().findById(advanced.id()).orElseThrow().lastUsedAt())
                .isEqualTo(T0_IN_MICROS.plusSeconds(30));
        assertThat(credentials().findById(kept.id()).orElseThrow().lastUsedAt())
                .isEqualTo(T0_IN_MICROS.plusSeconds(60));
    }

    @Test
    void recordUseIgnoresUnknownIds() {
        Organization organization = givenOrganization();
        Credential key = given(TestData.apiKey(organization.id()).build());
        Map<CredentialId, Instant> uses = new HashMap<>();
        uses.put(CredentialId.random(), T0);
        uses.put(key.id(), T0.plusSeconds(1));
        uses.put(CredentialId.random(), T0.plusSeconds(2));

        credentials().recordUse(uses);

        assertThat(credentials().findById(key.id()).orElseThrow().lastUsedAt()).isEqualTo(T0_IN_MICROS.plusSeconds(1));
    }

    @Test
    void recordUseChangesNothingElse() {
        Organization organization = givenOrganization();
        Credential key = given(TestData.apiKey(organization.id()).description("kept").expiresAt(T0.plusSeconds(9)).build());

        credentials().recordUse(Map.of(key.id(), T0.plusSeconds(1)));

        assertThat(credentials().findById(key.id())).contains(TestData.copyOf(key).lastUsedAt(T0.plusSeconds(1)).build());
    }

    @Test
    void recordUseOfNothingChangesNothing() {
        Organization organization = givenOrganization();
        Credential key = given(TestData.apiKey(organization.id()).build());

        credentials().recordUse(Map.of());

        assertThat(credentials().findById(key.id())).contains(key);
    }

    @Test
    @Timeout(60)
    void concurrentRecordUseEndsAtTheLatestInstant() throws InterruptedException {
        Organization organization = givenOrganization();
        Credential key = given(TestData.apiKey(organization.id()).build());

        Concurrently.Outcomes outcomes = Concurrently.run(Concurrently.THREADS, i -> {
            for (int n = 0; n < 20; n++) {
                credentials().recordUse(Map.of(key.id(), T0.plusMillis(n * Concurrently.THREADS + i)));
            }
        });

        assertThat(outcomes.failures()).isEmpty();
        assertThat(credentials().findById(key.id()).orElseThrow().lastUsedAt())
                .isEqualTo(T0_IN_MICROS.plusMillis(20L * Concurrently.THREADS - 1));
    }

    @Test
    @Timeout(60)
    void concurrentSuccessorsOfTheSameCredentialLetExactlyOneWin() throws InterruptedException {
        Organization organization = givenOrganization();
        Project project = givenProject(organization);
        Credential predecessor = given(TestData.writeToken(project).build());

        Concurrently.Outcomes outcomes = Concurrently.run(Concurrently.THREADS,
                i -> credentials().insert(TestData.writeToken(project).rotatedFrom(predecessor.id()).build()));

        assertThat(outcomes.succeeded()).isOne();
        assertThat(outcomes.failures()).hasSize(Concurrently.THREADS - 1)
                .allSatisfy(failure -> assertThat(failure).isInstanceOf(ConflictException.class));
        assertThat(credentials().listByProject(project.id(), CredentialKind.WRITE_TOKEN)).hasSize(2);
    }

    @Test
    @Timeout(60)
    void concurrentInsertsOfTheSameHashLetExactlyOneWin() throws InterruptedException {
        Organization organization = givenOrganization();
        var hash = TestData.tokenHash();

        Concurrently.Outcomes outcomes = Concurrently.run(Concurrently.THREADS,
                i -> credentials().insert(TestData.apiKey(organization.id()).tokenHash(hash).build()));

        assertThat(outcomes.succeeded()).isOne();
        assertThat(outcomes.failures()).hasSize(Concurrently.THREADS - 1)
                .allSatisfy(failure -> assertThat(failure).isInstanceOf(ConflictException.class));
        assertThat(credentials().listByOrganization(organization.id(), CredentialKind.API_KEY)).hasSize(1);
    }

    @Test
    @Timeout(60)
    void concurrentInsertsOfDistinctCredentialsAllLand() throws InterruptedException {
        Organization organization = givenOrganization();
        Project project = givenProject(organization);
        Set<Credential> inserted = ConcurrentHashMap.newKeySet();

        Concurrently.Outcomes outcomes = Concurrently.run(Concurrently.THREADS, i -> {
            for (int n = 0; n < 10; n++) {
                Credential token = TestData.writeToken(project).build();
                credentials().insert(token);
                inserted.add(token);
            }
        });

        assertThat(outcomes.failures()).isEmpty();
        assertThat(credentials().listByProject(project.id(), CredentialKind.WRITE_TOKEN))
                .hasSize(Concurrently.THREADS * 10)
                .containsExactlyInAnyOrderElementsOf(inserted);
        inserted.forEach(token -> assertThat(credentials().findByHash(token.tokenHash())).contains(token));
    }

    @Test
    void aLockingReadReadsAsFindById() {
        Credential key = given(TestData.apiKey(givenOrganization().id()).build());

        assertThat(credentials().findByIdForUpdate(key.id())).contains(key);
        assertThat(credentials().findByIdForUpdate(CredentialId.random())).isEmpty();
        assertThat(transactions().inTransaction(() -> credentials().findByIdForUpdate(key.id()))).contains(key);
    }

    @Test
    @Timeout(60)
    void aLockingReadWaitsForTheUnitHoldingTheCredentialAndThenSeesWhatItCommitted() throws Exception {
        Credential key = given(TestData.apiKey(givenOrganization().id()).build());
        Credential revoked = key.revoked(CredentialId.random(), T0.plusSeconds(60));

        Optional<Credential> seen = LockingReads.secondReadAfterFirstCommits(transactions(),
                () -> credentials().findByIdForUpdate(key.id()), locked -> credentials().update(revoked));

        assertThat(seen).contains(revoked);
    }
}
