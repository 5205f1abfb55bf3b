package dev.gatehouse.adapters.jdbc;

import static dev.gatehouse.testkit.TestData.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.ports.model.Condition;
import dev.gatehouse.ports.model.CredentialId;
import dev.gatehouse.ports.model.LabelTarget;
import dev.gatehouse.ports.model.Organization;
import dev.gatehouse.ports.model.Project;
import dev.gatehouse.ports.model.Rollout;
import dev.gatehouse.ports.model.RolloutOverride;
import dev.gatehouse.ports.model.Variable;
import dev.gatehouse.ports.model.VariableId;
import dev.gatehouse.ports.model.VariableLabel;
import dev.gatehouse.ports.model.VariableVersion;
import dev.gatehouse.testkit.TestData;
import dev.gatehouse.testkit.postgres.PostgresTestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A variable read on PostgreSQL while an update of it commits is the variable before or after that update, never
 * parts of both. The update's unit first locks one of the variable's part tables, so that the read, having begun,
 * waits at that table; the update then commits, and the read goes on. Each read here is one a service makes without
 * the variable's row lock: inside a unit of work (a name check, a project deletion's audit) or on its own (a GET).
 */
class PostgresVariableTornReadIT {

    @RegisterExtension
    static final PostgresTestDatabase DATABASE = new PostgresTestDatabase();

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Instant LATER = T0.plusSeconds(60);

    private JdbcStorage storage;
    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private Project project;
    private Variable before;
    private Variable after;

    @BeforeEach
    void openStorage() {
        DATABASE.reset();
        storage = JdbcStorage.postgres(DATABASE.jdbcUrl());
        Organization organization = TestData.organization();
        storage.organizations().insert(organization);
        project = TestData.project(organization.id());
        storage.projects().insert(project);
        CredentialId author = CredentialId.random();
        VariableVersion first = new VariableVersion(1, "\"first\"", T0, author);
        before = new Variable(VariableId.random(), project.id(), "greeting", null, null, null, Rollout.none(),
                List.of(), null, null, false, List.of(new VariableLabel("production", new LabelTarget.Version(1), T0,
                        author)), List.of(first), T0, author, T0, author);
        storage.variables().insert(before);
        after = new Variable(before.id(), project.id(), "greeting", "second", null, null,
                new Rollout(Map.of("production", 0.5), null),
                List.of(new RolloutOverride("beta", null, List.of(Condition.keyIsPresent("beta"),
                                Condition.valueIsIn("plan", List.of("\"pro\"", "\"team\""))),
                                new Rollout(Map.of("canary", 1.0), null)),
                        new RolloutOverride(null, null, List.of(Condition.valueEquals("region", "\"eu\"")),
                                new Rollout(Map.of(), 1.0))),
                null, null, false,
                List.of(new VariableLabel("production", new LabelTarget.Version(2), LATER, author),
                        new VariableLabel("canary", new LabelTarget.Latest(), LATER, author)),
                List.of(first, new VariableVersion(2, "\"second\"", LATER, author)), T0, author, LATER, author);
    }

    @AfterEach
    void closeStorage() throws InterruptedException {
        threads.shutdownNow();
        threads.awaitTermination(30, TimeUnit.SECONDS);
        storage.close();
    }

    @Test
    @Timeout(60)
    void aReadByNameInAUnitWaitingAtTheLabelsSeesNoLabelOfAVersionItHasNotRead() throws Exception {
        Variable seen = readWhileTheUpdateCommits("variable_labels", () -> storage.transactions().inTransaction(
                () -> storage.variables().findByName(project.id(), "greeting").orElseThrow()));

        assertThat(seen).isIn(before, after);
    }

    @Test
    @Timeout(60)
    void aReadByNameInAUnitWaitingAtTheConditionsSeesNoConditionOfAnOverrideItHasNotRead() throws Exception {
        Variable seen = readWhileTheUpdateCommits("variable_conditions", () -> storage.transactions().inTransaction(
                () -> storage.variables().findByName(project.id(), "greeting").orElseThrow()));

        assertThat(seen).isIn(before, after);
    }

    @Test
    @Timeout(60)
    void aReadByIdInAUnitIsOneCommitsVariable() throws Exception {
        Variable seen = readWhileTheUpdateCommits("variable_conditions", () -> storage.transactions().inTransaction(
                () -> storage.variables().findById(before.id()).orElseThrow()));

        assertThat(seen).isIn(before, after);
    }

    @Test
    @Timeout(60)
    void aProjectsListInAUnitIsOneCommitsVariable() throws Exception {
        List<Variable> seen = readWhileTheUpdateCommits("variable_labels", () -> storage.transactions().inTransaction(
                () -> storage.variables().listByProject(project.id())));

        assertThat(seen).singleElement().isIn(before, after);
    }

    @Test
    @Timeout(60)
    void aReadOutsideAUnitIsOneCommitsVariable() throws Exception {
        Variable seen = readWhileTheUpdateCommits("variable_conditions",
                () -> storage.variables().findByName(project.id(), "greeting").orElseThrow());

        assertThat(seen).isIn(before, after);
    }

    /**
     * Runs {@code read} on another thread while a unit holds {@code table} exclusively; once the read waits for that
     * table, the unit updates the variable to {@link #after} and commits; returns what the read saw.
     */
    private <T> T readWhileTheUpdateCommits(String table, Supplier<T> read) throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        Future<?> update = threads.submit(() -> storage.transactions().run(() -> {
            ((JdbcTransactions) storage.transactions()).read(
                    handle -> handle.execute("LOCK TABLE " + table + " IN ACCESS EXCLUSIVE MODE"));
            held.countDown();
            awaitAWaiterOn(table);
            storage.variables().update(after);
        }));
        if (!held.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the update never locked " + table);
        }
        Future<T> seen = threads.submit(read::get);
        update.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(storage.variables().findById(before.id())).as("the committed update").contains(after);
        return seen.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Returns once another session waits for a lock on {@code table}. */
    private static void awaitAWaiterOn(String table) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        try (Connection connection = DATABASE.connect();
                PreparedStatement waiters = connection.prepareStatement(
                        "SELECT count(*) FROM pg_locks WHERE NOT granted AND relation = to_regclass(?)")) {
            waiters.setString(1, table);
            while (System.nanoTime() < deadline) {
                try (ResultSet count = waiters.executeQuery()) {
                    count.next();
                    if (count.getInt(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(10);
            }
        } catch (SQLException e) {
            throw new AssertionError("could not watch the locks on " + table, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while watching the locks on " + table, e);
        }
        throw new AssertionError("no read waited for " + table + " within " + TIMEOUT);
    }
}
