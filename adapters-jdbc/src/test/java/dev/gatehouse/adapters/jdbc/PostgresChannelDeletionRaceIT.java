package dev.gatehouse.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.ports.model.Alert;
import dev.gatehouse.ports.model.Channel;
import dev.gatehouse.ports.model.ChannelAssignment;
import dev.gatehouse.ports.model.Organization;
import dev.gatehouse.ports.model.Project;
import dev.gatehouse.testkit.TestData;
import dev.gatehouse.testkit.postgres.PostgresTestDatabase;
import java.util.List;
import java.util.concurrent.CountDownLatch;
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
 * A channel's deletion on PostgreSQL, as the core runs it: the channel is locked, the alerts notifying it listed
 * (each gets an audit entry of the channel it loses), then it is deleted. An alert update that assigns the channel
 * and has not yet committed must be waited for and its alert listed, never detached unlisted by the delete.
 */
class PostgresChannelDeletionRaceIT {

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
    void anAlertAssignedTheChannelMeanwhileIsListedByTheDeletionThatWaitedForIt() throws Exception {
        Organization organization = TestData.organization();
        storage.organizations().insert(organization);
        Project project = TestData.project(organization.id());
        storage.projects().insert(project);
        Channel channel = TestData.channel(organization.id());
        storage.channels().insert(channel);
        Alert alert = TestData.alert(project);
        storage.alerts().insert(alert);
        CountDownLatch assigned = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);

        Future<?> update = threads.submit(() -> storage.transactions().run(() -> {
            storage.alerts().update(alert.withChannels(List.of(new ChannelAssignment(channel.id(), null))));
            assigned.countDown();
            Latches.await(release);
        }));
        Latches.await(assigned);
        Future<List<Alert>> deletion = threads.submit(() -> storage.transactions().inTransaction(() -> {
            storage.channels().findByIdForUpdate(channel.id()).orElseThrow();
            List<Alert> notifying = storage.alerts().listByProject(project.id()).stream()
                    .filter(candidate -> candidate.channels().stream()
                            .anyMatch(assignment -> assignment.channelId().equals(channel.id())))
                    .toList();
            storage.channels().delete(channel.id());
            return notifying;
        }));

        assertThatThrownBy(() -> deletion.get(500, TimeUnit.MILLISECONDS))
                .as("the deletion waits for the update that assigns its channel")
                .isInstanceOf(TimeoutException.class);
        release.countDown();

        update.get(30, TimeUnit.SECONDS);
        assertThat(deletion.get(30, TimeUnit.SECONDS)).extracting(Alert::id).containsExactly(alert.id());
        assertThat(storage.alerts().findById(alert.id()).orElseThrow().channels()).isEmpty();
    }
}
