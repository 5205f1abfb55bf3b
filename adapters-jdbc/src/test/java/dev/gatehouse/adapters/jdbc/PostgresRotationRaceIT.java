package dev.gatehouse.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.ports.model.ConflictException;
import dev.gatehouse.ports.model.Credential;
import dev.gatehouse.ports.model.CredentialKind;
import dev.gatehouse.ports.model.Organization;
import dev.gatehouse.ports.model.Project;
import dev.gatehouse.testkit.TestData;
import dev.gatehouse.testkit.postgres.PostgresTestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Rotation on PostgreSQL under contention: many threads rotate one credential at once, each in one unit of work that
 * reads it, inserts a successor and expires it; exactly one unit commits, the others get a conflict and leave nothing.
 */
class PostgresRotationRaceIT {

    private static final int THREADS = 8;

    @RegisterExtension
    static final PostgresTestDatabase DATABASE = new PostgresTestDatabase();

    private JdbcStorage storage;

    @BeforeEach
    void openStorage() {
        DATABASE.reset();
        storage = JdbcStorage.postgres(DATABASE.jdbcUrl());
    }

    @AfterEach
    void closeStorage() {
        storage.close();
    }

    @RepeatedTest(5)
    @Timeout(60)
    void concurrentRotationsOfOneCredentialLetExactlyOneCommit() throws Exception {
        Organization organization = TestData.organization();
        storage.organizations().insert(organization);
        Project project = TestData.project(organization.id());
        storage.projects().insert(project);
        Credential old = TestData.writeToken(project).build();
        storage.credentials().insert(old);
        List<Credential> successors = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            successors.add(TestData.writeToken(project).rotatedFrom(old.id()).createdAt(TestData.T0.plusSeconds(i))
                    .build());
        }
        // Every unit has read the credential before any inserts: the race is on the write, not on who reads first.
        CyclicBarrier allHaveRead = new CyclicBarrier(THREADS);

        List<Future<Credential>> outcomes = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            for (int i = 0; i < THREADS; i++) {
                Credential successor = successors.get(i);
                Instant expiry = TestData.T0_IN_MICROS.plusSeconds(1_000 + i);
                outcomes.add(threads.submit(() -> storage.transactions().inTransaction(() -> {
                    Credential current = storage.credentials().findById(old.id()).orElseThrow();
                    await(allHaveRead);
                    storage.credentials().insert(successor);
                    storage.credentials().update(current.withExpiry(expiry, successor.id(), expiry));
                    return successor;
                })));
            }
            List<Credential> committed = new ArrayList<>();
            List<Throwable> failures = new ArrayList<>();
            for (Future<Credential> outcome : outcomes) {
                try {
                    committed.add(outcome.get(30, TimeUnit.SECONDS));
                } catch (ExecutionException failure) {
                    failures.add(failure.getCause());
                }
            }

            assertThat(committed).hasSize(1);
            assertThat(failures).hasSize(THREADS - 1).allSatisfy(failure -> assertThat(failure)
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining("already been rotated"));
            Credential winner = committed.get(0);
            int winnerIndex = successors.indexOf(winner);
            Credential stored = storage.credentials().findById(old.id()).orElseThrow();
            assertThat(stored.expiresAt()).isEqualTo(TestData.T0_IN_MICROS.plusSeconds(1_000 + winnerIndex));
            assertThat(stored.updatedBy()).isEqualTo(winner.id());
            assertThat(storage.credentials().listByProject(project.id(), CredentialKind.WRITE_TOKEN))
                    .containsExactlyInAnyOrder(stored, winner);
            for (Credential loser : successors) {
                if (!loser.equals(winner)) {
                    assertThat(storage.credentials().findByHash(loser.tokenHash())).isEmpty();
                }
            }
        } finally {
            threads.shutdownNow();
            assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(20, TimeUnit.SECONDS);
        } catch (Exception interruptedOrBroken) {
            throw new IllegalStateException("the units did not all read the credential", interruptedOrBroken);
        }
    }
}
