package dev.gatehouse.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.ports.model.Credential;
import dev.gatehouse.ports.model.CredentialKind;
import dev.gatehouse.ports.model.NotFoundException;
import dev.gatehouse.ports.model.Organization;
import dev.gatehouse.ports.model.Project;
import dev.gatehouse.testkit.TestData;
import dev.gatehouse.testkit.postgres.PostgresTestDatabase;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A project's deletion on PostgreSQL, as the core runs it: the project is locked, its credentials listed (their
 * hashes to announce), then it is deleted with them. A credential created in it meanwhile must never be deleted
 * unlisted, which would leave other instances trusting its cached verification.
 */
class PostgresProjectDeletionRaceIT {

    @RegisterExtension
    static final PostgresTestDatabase DATABASE = new PostgresTestDatabase();

    private JdbcStorage storage;
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @BeforeEach
    void openStorage() {
        DATABASE.reset();
        storage = JdbcStorage.postgres(DATABASE.jdbcUrl());
    }

    @AfterEach
    void closeStorage() throws InterruptedException {
        threads.shutdownNow();
        threads.awaitTermination(30, TimeUnit.SECONDS);
        storage.close();
    }

    @Test
    @Timeout(60)
    void aCredentialCreatedWhileItsProjectIsBeingDeletedWaitsThenFailsRatherThanGoUnlisted() throws Exception {
        Organization organization = TestData.organization();
        storage.organizations().insert(organization);
        Project project = TestData.project(organization.id());
        storage.projects().insert(project);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);

        Future<List<Credential>> deletion = threads.submit(() -> storage.transactions().inTransaction(() -> {
            storage.projects().findByIdForUpdate(project.id()).orElseThrow();
            locked.countDown();
            Latches.await(release);
            List<Credential> listed = storage.credentials().listByProject(project.id(), CredentialKind.WRITE_TOKEN);
            storage.projects().delete(project.id());
            return listed;
        }));
        Latches.await(locked);
        Future<?> creation = threads.submit(() -> storage.credentials().insert(TestData.writeToken(project).build()));

        assertThatThrownBy(() -> creation.get(500, TimeUnit.MILLISECONDS))
                .as("the creation waits for the deletion that locked its project")
                .isInstanceOf(TimeoutException.class);
        release.countDown();

        assertThat(deletion.get(30, TimeUnit.SECONDS)).isEmpty();
        assertThatThrownBy(() -> creation.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(NotFoundException.class);
        assertThat(storage.projects().findById(project.id())).isEmpty();
    }
}
