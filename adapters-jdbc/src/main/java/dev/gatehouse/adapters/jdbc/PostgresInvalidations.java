package dev.gatehouse.adapters.jdbc;

import dev.gatehouse.ports.model.TokenHash;
import dev.gatehouse.ports.out.VerificationInvalidations;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Invalidations carried by PostgreSQL's {@code NOTIFY}: an announcement is a notification on one channel whose
 * payload lists token hashes, sent in the announcing unit's transaction, so PostgreSQL delivers it on commit only;
 * each subscription {@code LISTEN}s on a connection it keeps, and after losing that connection reconnects and has
 * its subscriber forget everything, since announcements made meanwhile are lost. A connection whose path died silently
 * (a failover, a NAT or load balancer dropping it) only ever times out while waiting, so after a few seconds without
 * notifications the subscription asks the server for a round trip and counts an unanswered one as a lost connection.
 */
final class PostgresInvalidations implements VerificationInvalidations {

    /** The channel every instance announces on and listens to. */
    static final String CHANNEL = "gatehouse_verification_cache";
    /** What the listening connection calls itself in {@code pg_stat_activity}. */
    static final String APPLICATION_NAME = "gatehouse-invalidations";
    /** 100 hashes of 64 characters and their commas stay well below PostgreSQL's 8,000-byte payload limit. */
    private static final int HASHES_PER_NOTIFICATION = 100;
    private static final int POLL_MILLIS = 250;
    /** How long a listening connection may stay quiet before the server is asked whether it is still there. */
    static final Duration PROBE_AFTER_SILENCE = Duration.ofSeconds(5);
    /** How long the server has to answer that question before the connection counts as lost. */
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration RECONNECT_DELAY = Duration.ofSeconds(1);
    private static final System.Logger LOG = System.getLogger(PostgresInvalidations.class.getName());

    private final JdbcTransactions transactions;
    private final DataSource dataSource;
    private final Set<Listener> listeners = ConcurrentHashMap.newKeySet();

    PostgresInvalidations(JdbcTransactions transactions, DataSource dataSource) {
        this.transactions = transactions;
        this.dataSource = dataSource;
    }

    @Override
    public void publish(Collection<TokenHash> hashes) {
        List<TokenHash> all = List.copyOf(hashes);
        if (all.isEmpty()) {
            return;
        }
        transactions.write(handle -> {
            for (int from = 0; from < all.size(); from += HASHES_PER_NOTIFICATION) {
                List<TokenHash> part = all.subList(from, Math.min(all.size(), from + HASHES_PER_NOTIFICATION));
                handle.select("SELECT pg_notify(?, ?)", CHANNEL,
                        String.join(",", part.stream().map(TokenHash::hex).toList())).mapToMap().list();
            }
            return null;
        }, SqlErrors::storage);
    }

    @Override
    public Subscription subscribe(Subscriber subscriber) {
        Listener listener = new Listener(subscriber);
        listeners.add(listener);
        listener.thread.start();
        return listener;
    }

    /** Stops every subscription, for a storage that is closing. */
    void closeAll() {
        List.copyOf(listeners).forEach(Listener::close);
    }

    /** One subscription: a daemon thread that listens, delivers, and reconnects when the connection is lost. */
    private final class Listener implements Subscription, Runnable {

        private final Subscriber subscriber;
        private final Thread thread;
        private volatile boolean closed;
        /** Whether the last attempt to listen failed, so that an outage is logged once and its end once. */
        private boolean failing;

        Listener(Subscriber subscriber) {
            this.subscriber = subscriber;
            this.thread = new Thread(this, APPLICATION_NAME);
            thread.setDaemon(true);
        }

        @Override
        public void run() {
            while (!closed) {
                try (Connection connection = dataSource.getConnection()) {
                    listen(connection);
                } catch (SQLException | RuntimeException failure) {
                    if (closed) {
                        return;
                    }
                    if (!failing) {
                        LOG.log(Level.WARNING, "Not listening for cache invalidations from other instances: the"
                                + " PostgreSQL connection failed or was lost, so cached verifications last their full"
                                + " lifetime until it is back. Retrying every " + RECONNECT_DELAY.toSeconds() + " s: "
                                + failure);
                        failing = true;
                    }
                    pause();
                }
            }
        }

        /**
         * Listens on {@code connection} until closed; what was cached before listening began is forgotten. The
         * pooled connection goes back as it came: without the subscription, under its own application name.
         */
        private void listen(Connection connection) throws SQLException {
            String applicationName = connection.getClientInfo("ApplicationName");
            connection.setClientInfo("ApplicationName", APPLICATION_NAME);
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + CHANNEL);
                try {
                    subscriber.forgetAll();
                    if (failing) {
                        LOG.log(Level.INFO, "Listening for cache invalidations again; the whole cache was forgotten");
                        failing = false;
                    }
                    receive(connection);
                } catch (SQLException | RuntimeException lost) {
                    // Undoing fails too on a dead connection; that failure must not hide the one that says why.
                    try {
                        stopListening(statement, applicationName);
                    } catch (SQLException alsoLost) {
                        lost.addSuppressed(alsoLost);
                    }
                    throw lost;
                }
                stopListening(statement, applicationName);
            }
        }

        private static void stopListening(Statement statement, String applicationName) throws SQLException {
            statement.execute("UNLISTEN " + CHANNEL);
            statement.getConnection().setClientInfo("ApplicationName", applicationName == null ? "" : applicationName);
        }

        /**
         * Delivers notifications until closed; after {@link #PROBE_AFTER_SILENCE} without any, fails unless the server
         * answers a round trip within {@link #PROBE_TIMEOUT}, since a silently dead connection never fails by itself.
         */
        private void receive(Connection connection) throws SQLException {
            PGConnection notifications = connection.unwrap(PGConnection.class);
            long heardAt = System.nanoTime();
            while (!closed) {
                PGNotification[] received = notifications.getNotifications(POLL_MILLIS);
                // Older drivers answer "nothing" with null, newer ones with an empty array.
                if (received != null && received.length > 0) {
                    deliver(received);
                    heardAt = System.nanoTime();
                } else if (System.nanoTime() - heardAt >= PROBE_AFTER_SILENCE.toNanos()) {
                    if (!connection.isValid((int) PROBE_TIMEOUT.toSeconds())) {
                        throw new SQLException("the listening connection did not answer within "
                                + PROBE_TIMEOUT.toSeconds() + " s");
                    }
                    heardAt = System.nanoTime();
                }
            }
        }

        private void deliver(PGNotification[] received) {
            List<TokenHash> hashes = new ArrayList<>();
            for (PGNotification notification : received) {
                if (!CHANNEL.equals(notification.getName())) {
                    continue;
                }
                for (String hex : notification.getParameter().split(",")) {
                    try {
                        hashes.add(new TokenHash(hex));
                    } catch (IllegalArgumentException notAHash) {
                        LOG.log(Level.WARNING, "Ignored a cache invalidation that is not a token hash");
                    }
                }
            }
            if (!hashes.isEmpty()) {
                subscriber.forget(hashes);
            }
        }

        private void pause() {
            try {
                Thread.sleep(RECONNECT_DELAY.toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                closed = true;
            }
        }

        @Override
        public void close() {
            closed = true;
            listeners.remove(this);
            try {
                // A listening thread sees the flag within a poll and undoes its LISTEN on a sound connection; an
                // interrupt, which may break the connection in the middle of a read, is only for one that pauses
                // between attempts to reconnect.
                thread.join(3L * POLL_MILLIS);
                if (thread.isAlive()) {
                    thread.interrupt();
                    thread.join(Duration.ofSeconds(5).toMillis());
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
