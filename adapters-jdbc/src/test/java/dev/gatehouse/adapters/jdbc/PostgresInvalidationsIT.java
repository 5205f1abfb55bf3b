package dev.gatehouse.adapters.jdbc;

import static dev.gatehouse.adapters.jdbc.Eventually.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.ports.model.TokenHash;
import dev.gatehouse.ports.out.VerificationInvalidations;
import dev.gatehouse.testkit.postgres.PostgresTestDatabase;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Two storages on one PostgreSQL database, as two Gatehouse instances would have: what one announces inside a unit
 * reaches the other's subscriber when the unit commits and never when it rolls back, and a subscriber whose
 * connection is lost, whether closed or gone silent, is told to forget everything, then hears announcements again.
 */
@Timeout(60)
class PostgresInvalidationsIT {

    @RegisterExtension
    static final PostgresTestDatabase DATABASE = new PostgresTestDatabase();

    private JdbcStorage announcing;
    private JdbcStorage listening;
    private final Recorder recorder = new Recorder();
    private VerificationInvalidations.Subscription subscription;
    /**
     * The listening backends of other processes on the same server (a running Gatehouse, another build's tests),
     * which the counts below leave out and which this test must never terminate.
     */
    private static String othersListening = "";

    @BeforeEach
    void openTwoStorages() throws SQLException {
        DATABASE.reset();
        othersListening = queryListeningConnections("coalesce(string_agg(pid::text, ','), '')", "");
        announcing = JdbcStorage.postgres(DATABASE.jdbcUrl());
        listening = JdbcStorage.postgres(DATABASE.jdbcUrl());
        subscription = listening.invalidations().subscribe(recorder);
        awaitTrue(() -> recorder.forgotAll.get() == 1, "the subscription to start listening");
    }

    @AfterEach
    void closeStorages() {
        subscription.close();
        announcing.close();
        listening.close();
    }

    @Test
    void hashesAnnouncedInACommittedUnitReachTheOtherStoragesSubscriber() {
        List<TokenHash> hashes = hashes(0, 2);

        announcing.transactions().run(() -> announcing.invalidations().publish(hashes));

        awaitTrue(() -> recorder.forgotten.containsAll(hashes), "the announced hashes");
        assertThat(recorder.forgotten).containsExactlyElementsOf(hashes);
    }

    @Test
    void aUnitThatRollsBackAnnouncesNothing() {
        List<TokenHash> rolledBack = hashes(0, 1);
        List<TokenHash> committed = hashes(1, 2);

        try {
            announcing.transactions().run(() -> {
                announcing.invalidations().publish(rolledBack);
                throw new IllegalStateException("the unit fails after announcing");
            });
        } catch (IllegalStateException expected) {
            // the unit rolled back
        }
        announcing.invalidations().publish(committed);

        // PostgreSQL delivers in commit order, so once the later announcement arrived the earlier one never will.
        awaitTrue(() -> recorder.forgotten.containsAll(committed), "the committed announcement");
        assertThat(recorder.forgotten).containsExactlyElementsOf(committed);
    }

    @Test
    void moreHashesThanOneNotificationHoldAllArrive() {
        List<TokenHash> many = hashes(0, 250);

        announcing.transactions().run(() -> announcing.invalidations().publish(many));

        awaitTrue(() -> recorder.forgotten.size() == many.size(), "all 250 hashes");
        assertThat(recorder.forgotten).containsExactlyInAnyOrderElementsOf(many);
    }

    @Test
    void aSubscriberWhoseConnectionIsLostForgetsEverythingAndThenHearsAgain() throws SQLException {
        assertThat(terminateListeningConnections()).isEqualTo(1);

        awaitTrue(() -> recorder.forgotAll.get() == 2, "the subscription to listen again and forget everything");
        List<TokenHash> hashes = hashes(0, 1);
        announcing.invalidations().publish(hashes);
        awaitTrue(() -> recorder.forgotten.containsAll(hashes), "an announcement after the reconnection");
    }

    @Test
    void aSubscriberWhoseConnectionGoesSilentForgetsEverythingWithinSecondsAndThenHearsAgain() throws IOException {
        try (FreezableRelay relay = FreezableRelay.to(DATABASE.jdbcUrl());
                JdbcStorage relayed = JdbcStorage.postgres(unpooled(relay.jdbcUrl()))) {
            Recorder relayedRecorder = new Recorder();
            relayed.invalidations().subscribe(relayedRecorder);
            awaitTrue(() -> relayedRecorder.forgotAll.get() == 1, "the relayed subscription to start listening");

            // Unpooled, the storage holds no connection but the listening one, so only that one goes silent.
            relay.freezeOpenLinks();

            awaitTrue(() -> relayedRecorder.forgotAll.get() == 2,
                    "the silent connection to be noticed and the subscription to forget everything",
                    Duration.ofSeconds(15));
            List<TokenHash> hashes = hashes(0, 1);
            announcing.invalidations().publish(hashes);
            awaitTrue(() -> relayedRecorder.forgotten.containsAll(hashes), "an announcement after the reconnection");
        }
    }

    @Test
    void aQuietConnectionThatStillAnswersIsKept() throws InterruptedException {
        Thread.sleep(PostgresInvalidations.PROBE_AFTER_SILENCE.plusSeconds(2).toMillis());

        assertThat(recorder.forgotAll).hasValue(1);
        List<TokenHash> hashes = hashes(0, 1);
        announcing.invalidations().publish(hashes);
        awaitTrue(() -> recorder.forgotten.containsAll(hashes), "an announcement after a quiet spell");
    }

    @Test
    void aClosedSubscriptionEndsItsThreadAndGivesItsConnectionBackAsItCame() throws SQLException {
        subscription.close();

        assertThat(threadNames()).doesNotContain(PostgresInvalidations.APPLICATION_NAME);
        // The pool is still open: the connection is back in it, no longer named for listening.
        assertThat(countListeningConnections()).isZero();
    }

    @Test
    void closingTheStorageEndsTheSubscriptionsStillRunning() {
        listening.close();

        assertThat(threadNames()).doesNotContain(PostgresInvalidations.APPLICATION_NAME);
    }

    private static List<String> threadNames() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName).toList();
    }

    private static int countListeningConnections() throws SQLException {
        return Integer.parseInt(queryListeningConnections("count(*)", othersListening));
    }

    /** Terminates the backends that listen for invalidations in this test's database; returns how many there were. */
    private static int terminateListeningConnections() throws SQLException {
        return Integer.parseInt(queryListeningConnections("count(pg_terminate_backend(pid))", othersListening));
    }

    /** {@code aggregate} over the listening backends in this database but those whose pids {@code excluded} lists. */
    private static String queryListeningConnections(String aggregate, String excluded) throws SQLException {
        try (Connection connection = DATABASE.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT " + aggregate + " FROM pg_stat_activity"
                        + " WHERE datname = current_database()"
                        + " AND application_name = '" + PostgresInvalidations.APPLICATION_NAME + "'"
                        + (excluded.isEmpty() ? "" : " AND pid NOT IN (" + excluded + ")"))) {
            result.next();
            return result.getString(1);
        }
    }

    /** A data source that opens a new connection for each request, each one a link of its own through a relay. */
    private static PGSimpleDataSource unpooled(String jdbcUrl) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(jdbcUrl);
        return dataSource;
    }

    private static List<TokenHash> hashes(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> new TokenHash("%064x".formatted(i))).toList();
    }

    /** Records what the subscription delivers. */
    private static final class Recorder implements VerificationInvalidations.Subscriber {

        final List<TokenHash> forgotten = new CopyOnWriteArrayList<>();
        final AtomicInteger forgotAll = new AtomicInteger();

        @Override
        public void forget(Collection<TokenHash> hashes) {
            forgotten.addAll(hashes);
        }

        @Override
        public void forgetAll() {
            forgotAll.incrementAndGet();
        }
    }
}
