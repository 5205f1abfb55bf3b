package dev.gatehouse.adapters.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.gatehouse.ports.model.AuditAction;
import dev.gatehouse.ports.model.CredentialKind;
import dev.gatehouse.ports.model.Environment;
import dev.gatehouse.ports.model.Organization;
import dev.gatehouse.ports.model.Project;
import dev.gatehouse.ports.model.ProjectId;
import dev.gatehouse.ports.model.Visibility;
import dev.gatehouse.testkit.TestData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What the in-memory storage promises beyond the shared contracts: unmodifiable results and serializable units. */
class InMemoryStorageTest {

    private final InMemoryStorage storage = InMemoryStorage.create();

    @Test
    void returnedListsCannotBeModified() {
        Organization organization = TestData.organization();
        storage.organizations().insert(organization);
        Project project = TestData.project(organization.id());
        storage.projects().insert(project);
        storage.credentials().insert(TestData.writeToken(project).build());
        storage.audit().append(TestData.auditEntry(organization.id(), AuditAction.INSERT, TestData.T0));

        List<List<?>> lists = List.of(
                storage.organizations().list(),
                storage.projects().listByOrganization(organization.id()),
                storage.credentials().listByProject(project.id(), CredentialKind.WRITE_TOKEN),
                storage.credentials().listByOrganization(organization.id(), CredentialKind.WRITE_TOKEN),
                storage.audit().list(organization.id(), Instant.EPOCH, Instant.MAX, null, 10));

        for (List<?> list : lists) {
            assertThat(list).hasSize(1);
            assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(list::clear);
        }
        assertThat(storage.projects().listByOrganization(organization.id())).containsExactly(project);
    }

    @Test
    @Timeout(60)
    void unitsAreSerializableSoReadModifyWriteLosesNoUpdate() throws Exception {
        Organization organization = TestData.organization();
        storage.organizations().insert(organization);
        Project counter = new Project(ProjectId.random(), organization.id(), "counter", "0",
                Visibility.PRIVATE, Environment.PRODUCTION,
                TestData.T0, TestData.T0);
        storage.projects().insert(counter);
        int threads = 8;
        int incrementsPerThread = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int n = 0; n < incrementsPerThread; n++) {
                        storage.transactions().run(() -> {
                            Project current = storage.projects().findById(counter.id()).orElseThrow();
                            int next = Integer.parseInt(current.description()) + 1;
                            storage.projects().update(new Project(current.id(), current.organizationId(),
                                    current.name(), Integer.toString(next), current.visibility(),
                                    current.environment(), current.createdAt(), current.updatedAt()));
                        });
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(30, TimeUnit.SECONDS);
        }

        assertThat(storage.projects().findById(counter.id()).orElseThrow().description())
                .isEqualTo(Integer.toString(threads * incrementsPerThread));
    }
}
