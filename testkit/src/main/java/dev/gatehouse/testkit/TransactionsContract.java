package dev.gatehouse.testkit;

import static dev.gatehouse.testkit.TestData.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.ports.model.AuditAction;
import dev.gatehouse.ports.model.AuditEntry;
import dev.gatehouse.ports.model.ConflictException;
import dev.gatehouse.ports.model.Credential;
import dev.gatehouse.ports.model.CredentialGrant;
import dev.gatehouse.ports.model.CredentialKind;
import dev.gatehouse.ports.model.Organization;
import dev.gatehouse.ports.model.Project;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The contract of {@link dev.gatehouse.ports.out.Transactions}: a unit of work commits every write of every store, or
 * none of them; a nested unit joins the enclosing one; other threads never see uncommitted writes; actions given for
 * after the commit run once the outermost unit has committed and released the store, and never after a rollback.
 */
public abstract class TransactionsContract extends StorageContract {

    private static final Instant FAR_PAST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant FAR_FUTURE = Instant.parse("2100-01-01T00:00:00Z");

    @Test
    void aUnitCommitsItsWritesAndReturnsItsResult() {
        Organization organization = TestData.organization();
        Project project = TestData.project(organization.id());
        Credential token = TestData.writeToken(project).build();

        String result = transactions().inTransaction(() -> {
            organizations().insert(organization);
            projects().insert(project);
            credentials().insert(token);
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(organizations().findById(organization.id())).contains(organization);
        assertThat(projects().findById(project.id())).contains(project);
        assertThat(credentials().findById(token.id())).contains(token);
    }

    @Test
    void aUnitSeesItsOwnWrites() {
        Organization organization = TestData.organization();
        Project project = TestData.project(organization.id());

        List<Project> seen = transactions().inTransaction(() -> {
            organizations().insert(organization);
            projects().insert(project);
            return projects().listByOrganization(organization.id());
        });

        assertThat(seen).containsExactly(project);
    }

    @Test
    void aUnitSeesTheGrantOfACredentialItWrote() {
        Organization organization = givenOrganization();
        Credential key = TestData.apiKey(organization.id()).build();
        Credential revoked = key.revoked(null, T0.plusSeconds(1));

        List<Optional<CredentialGrant>> seen = transactions().inTransaction(() -> {
            credentials().insert(key);
            Optional<CredentialGrant> inserted = credentials().findGrantByHash(key.tokenHash());
            credentials().update(revoked);
            return List.of(inserted, credentials().findGrantByHash(key.tokenHash()));
        });

        assertThat(seen).containsExactly(Optional.of(CredentialGrant.of(key)), Optional.of(CredentialGrant.of(revoked)));
    }

    @Test
    void aUnitWhoseWorkThrowsLeavesNoTraceInAnyStore() {
        Organization existing = givenOrganization();
        Organization organization = TestData.organization();
        Project project = TestData.project(organization.id());
        Credential token = TestData.writeToken(project).build();
        Credential key = TestData.apiKey(organization.id()).build();
        AuditEntry entry = TestData.auditEntry(organization.id(), AuditAction.INSERT, T0);
        AuditEntry entryOfExisting = TestData.auditEntry(existing.id(), AuditAction.INSERT, T0);
        IllegalStateException failure = new IllegalStateException("the work failed");

        assertThatThrownBy(() -> transactions().inTransaction(() -> {
            organizations().insert(organization);
            projects().insert(project);
            credentials().insert(token);
            credentials().insert(key);
            audit().append(entry);
            audit().append(entryOfExisting);
            throw failure;
        })).isSameAs(failure);

        assertThat(organizations().list()).containsExactly(existing);
        assertThat(organizations().findByName(organization.name())).isEmpty();
        assertThat(projects().findById(project.id())).isEmpty();
        assertThat(projects().listByOrganization(organization.id())).isEmpty();
        assertThat(credentials().findById(token.id())).isEmpty();
        assertThat(credentials().findByHash(token.tokenHash())).isEmpty();
        assertThat(credentials().findByHash(key.tokenHash())).isEmpty();
        assertThat(credentials().findGrantByHash(key.tokenHash())).isEmpty();
        assertThat(audit().findById(entry.id())).isEmpty();
        assertThat(audit().list(existing.id(), FAR_PAST, FAR_FUTURE, null, 100)).isEmpty();
    }

    @Test
    void aFailedUnitRestoresWhatItUpdatedAndDeleted() {
        Organization organization = givenOrganization();
        Project updated = givenProject(organization);
        Project deleted = givenProject(organization);
        Credential deletedToken = given(TestData.writeToken(deleted).build());
        Credential key = given(TestData.apiKey(organization.id()).build());
        credentials().recordUse(Map.of(key.id(), T0));
        Credential keyBefore = credentials().findById(key.id()).orElseThrow();
        IllegalStateException failure = new IllegalStateException("the work failed");

        assertThatThrownBy(() -> transactions().run(() -> {
            projects().update(new Project(updated.id(), organization.id(), "renamed", null, updated.visibility(),
                    updated.environment(), updated.createdAt(), T0.plusSeconds(1)));
            projects().delete(deleted.id());
            credentials().update(keyBefore.revoked(null, T0.plusSeconds(1)));
            credentials().recordUse(Map.of(key.id(), T0.plusSeconds(3600)));
            projects().insert(TestData.project(organization.id(), updated.name()));
            throw failure;
        })).isSameAs(failure);

        assertThat(projects().listByOrganization(organization.id())).containsExactlyInAnyOrder(updated, deleted);
        assertThat(projects().findByName(organization.id(), updated.name())).contains(updated);
        assertThat(projects().findByName(organization.id(), "renamed")).isEmpty();
        assertThat(credentials().findById(deletedToken.id())).contains(deletedToken);
        assertThat(credentials().findByHash(deletedToken.tokenHash())).contains(deletedToken);
        assertThat(credentials().findById(key.id())).contains(keyBefore);
    }

    @Test
    void aGatehouseExceptionThrownByTheWorkPropagatesUnchanged() {
        Organization organization = TestData.organization();
        ConflictException failure = new ConflictException("decided by the work itself");

        assertThatThrownBy(() -> transactions().inTransaction(() -> {
            organizations().insert(organization);
            throw failure;
        })).isSameAs(failure);

        assertThat(organizations().findById(organization.id())).isEmpty();
    }

    @Test
    void aFailingStoreCallPropagatesItsExceptionAndUndoesTheWholeUnit() {
        Organization organization = givenOrganization();
        Project taken = givenProject(organization);
        Organization newcomer = TestData.organization();
        Project clash = TestData.project(organization.id(), taken.name());

        assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> transactions().run(() -> {
            organizations().insert(newcomer);
            projects().insert(clash);
        }));

        assertThat(organizations().findById(newcomer.id())).isEmpty();
        assertThat(projects().listByOrganization(organization.id())).containsExactly(taken);
    }

    @Test
    void runCommitsLikeInTransaction() {
        Organization organization = TestData.organization();

        transactions().run(() -> organizations().insert(organization));

        assertThat(organizations().findById(organization.id())).contains(organization);
    }

    @Test
    void aNestedUnitJoinsTheEnclosingOneAndIsUndoneWithIt() {
        Organization organization = TestData.organization();
        Project project = TestData.project(organization.id());
        IllegalStateException failure = new IllegalStateException("the outer work failed");
        AtomicReference<Optional<Project>> seenByOuter = new AtomicReference<>();

        assertThatThrownBy(() -> transactions().run(() -> {
            organizations().insert(organization);
            transactions().run(() -> projects().insert(project));
            seenByOuter.set(projects().findById(project.id()));
            throw failure;
        })).isSameAs(failure);

        assertThat(seenByOuter.get()).contains(project);
        assertThat(organizations().findById(organization.id())).isEmpty();
        assertThat(projects().findById(project.id())).isEmpty();
    }

    @Test
    void nestedUnitsCommitWithTheEnclosingOne() {
        Organization organization = TestData.organization();
        Project project = TestData.project(organization.id());
        Credential token = TestData.readToken(project).build();

        int depth = transactions().inTransaction(() -> {
            organizations().insert(organization);
            return transactions().inTransaction(() -> {
                projects().insert(project);
                return transactions().inTransaction(() -> {
                    credentials().insert(token);
                    return 3;
                });
            });
        });

        assertThat(depth).isEqualTo(3);
        assertThat(organizations().findById(organization.id())).contains(organization);
        assertThat(projects().findById(project.id())).contains(project);
        assertThat(credentials().findById(token.id())).contains(token);
    }

    @Test
    @Timeout(60)
    void anotherThreadNeverSeesUncommittedWrites() throws Exception {
        Organization organization = TestData.organization();
        IllegalStateException failure = new IllegalStateException("roll back after the other thread looked");
        AtomicReference<Future<Optional<Organization>>> otherThreadsRead = new AtomicReference<>();
        ExecutorService otherThread = Executors.newSingleThreadExecutor();
        try {
            assertThatThrownBy(() -> transactions().run(() -> {
                organizations().insert(organization);
                Future<Optional<Organization>> read =
                        otherThread.submit(() -> organizations().findById(organization.id()));
                otherThreadsRead.set(read);
                awaitBriefly(read);
                throw failure;
            })).isSameAs(failure);

            assertThat(otherThreadsRead.get().get(30, TimeUnit.SECONDS)).isEmpty();
        } finally {
            otherThread.shutdownNow();
            otherThread.awaitTermination(30, TimeUnit.SECONDS);
        }
    }

    @Test
    @Timeout(60)
    void concurrentUnitsThatFailLeaveNothingWhileTheOthersCommit() throws InterruptedException {
        Organization organization = givenOrganization();
        List<Project> projects = IntStream.range(0, Concurrently.THREADS)
                .mapToObj(i -> TestData.project(organization.id(), "unit-" + i))
                .toList();
        List<Credential> tokens = projects.stream().map(project -> TestData.writeToken(project).build()).toList();

        Concurrently.Outcomes outcomes = Concurrently.run(Concurrently.THREADS, i -> transactions().run(() -> {
            projects().insert(projects.get(i));
            credentials().insert(tokens.get(i));
            audit().append(TestData.auditEntry(organization.id(), AuditAction.INSERT, T0.plusSeconds(i)));
            if (i % 2 == 0) {
                throw new IllegalStateException("unit " + i + " fails");
            }
        }));

        assertThat(outcomes.succeeded()).isEqualTo(Concurrently.THREADS / 2);
        assertThat(outcomes.failures()).allSatisfy(e -> assertThat(e).isInstanceOf(IllegalStateException.class));
        for (int i = 0; i < Concurrently.THREADS; i++) {
            boolean committed = i % 2 == 1;
            assertThat(projects().findById(projects.get(i).id()).isPresent()).isEqualTo(committed);
            assertThat(credentials().findByHash(tokens.get(i).tokenHash()).isPresent()).isEqualTo(committed);
        }
        assertThat(credentials().listByOrganization(organization.id(), CredentialKind.WRITE_TOKEN))
                .hasSize(Concurrently.THREADS / 2);
        assertThat(audit().list(organization.id(), FAR_PAST, FAR_FUTURE, null, 100))
                .hasSize(Concurrently.THREADS / 2);
    }

    @Test
    void anActionAfterCommitRunsAtOnceOutsideAUnit() {
        List<String> ran = new ArrayList<>();

        transactions().afterCommit(() -> ran.add("action"));

        assertThat(ran).containsExactly("action");
    }

    @Test
    void actionsAfterCommitRunInTheirOrderOnceTheWorkIsDoneAndBeforeTheUnitReturns() {
        Organization organization = TestData.organization();
        List<String> ran = new ArrayList<>();

        String result = transactions().inTransaction(() -> {
            transactions().afterCommit(() -> ran.add("first"));
            organizations().insert(organization);
            transactions().afterCommit(() -> ran.add("second"));
            ran.add("work done");
            return "result";
        });

        assertThat(result).isEqualTo("result");
        assertThat(ran).containsExactly("work done", "first", "second");
        assertThat(organizations().findById(organization.id())).contains(organization);
    }

    @Test
    @Timeout(60)
    void anActionAfterCommitSeesTheCommitFromAnotherThreadAndMayStartAUnitOfItsOwn() throws Exception {
        Organization organization = TestData.organization();
        Organization insertedByTheAction = TestData.organization();
        AtomicReference<Optional<Organization>> seenByAnotherThread = new AtomicReference<>();
        ExecutorService otherThread = Executors.newSingleThreadExecutor();
        try {
            transactions().run(() -> {
                organizations().insert(organization);
                transactions().afterCommit(() -> {
                    // A store still held by the unit would keep the other thread waiting, or show it nothing.
                    seenByAnotherThread.set(onOtherThread(otherThread,
                            () -> organizations().findById(organization.id())));
                    transactions().run(() -> organizations().insert(insertedByTheAction));
                });
            });
        } finally {
            otherThread.shutdownNow();
            otherThread.awaitTermination(30, TimeUnit.SECONDS);
        }

        assertThat(seenByAnotherThread.get()).contains(organization);
        assertThat(organizations().findById(insertedByTheAction.id())).contains(insertedByTheAction);
    }

    @Test
    void anActionAfterCommitGivenInANestedUnitWaitsForTheOutermostOne() {
        List<String> ran = new ArrayList<>();

        transactions().run(() -> {
            transactions().run(() -> transactions().afterCommit(() -> ran.add("action")));
            ran.add("nested unit returned");
        });

        assertThat(ran).containsExactly("nested unit returned", "action");
    }

    @Test
    void actionsAfterCommitOfAUnitThatRollsBackNeverRun() {
        List<String> ran = new ArrayList<>();
        IllegalStateException failure = new IllegalStateException("the work failed");

        assertThatThrownBy(() -> transactions().run(() -> {
            transactions().afterCommit(() -> ran.add("outer"));
            transactions().run(() -> transactions().afterCommit(() -> ran.add("nested")));
            throw failure;
        })).isSameAs(failure);
        transactions().run(() -> organizations().insert(TestData.organization()));

        assertThat(ran).isEmpty();
    }

    @Test
    void aFailingActionAfterCommitLeavesTheUnitCommittedAndTheLaterActionsRun() {
        Organization organization = TestData.organization();
        List<String> ran = new ArrayList<>();
        IllegalStateException first = new IllegalStateException("the first action failed");
        IllegalStateException second = new IllegalStateException("the second action failed");

        assertThatThrownBy(() -> transactions().run(() -> {
            organizations().insert(organization);
            transactions().afterCommit(() -> {
                throw first;
            });
            transactions().afterCommit(() -> ran.add("later"));
            transactions().afterCommit(() -> {
                throw second;
            });
        })).isSameAs(first);

        assertThat(first.getSuppressed()).containsExactly(second);
        assertThat(ran).containsExactly("later");
        assertThat(organizations().findById(organization.id())).contains(organization);
    }

    private static <T> T onOtherThread(ExecutorService thread, Callable<T> work) {
        try {
            return thread.submit(work).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the other thread did not answer", e);
        }
    }

    /**
     * Gives the other thread a moment to read: a store that reads committed data answers at once, one that
     * serializes units answers only after this unit ends, and either must not see this unit's writes.
     */
    private static void awaitBriefly(Future<?> read) {
        try {
            read.get(300, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException stillReadingOrFailed) {
            // The test checks the read's outcome after the unit has ended.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
