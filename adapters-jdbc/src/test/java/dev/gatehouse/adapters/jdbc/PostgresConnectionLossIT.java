package dev.gatehouse.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.gatehouse.ports.model.Organization;
import dev.gatehouse.ports.model.Project;
import dev.gatehouse.ports.model.StorageException;
import dev.gatehouse.testkit.TestData;
import dev.gatehouse.testkit.postgres.PostgresTestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A PostgreSQL session ended in the middle of a unit of work (by {@code pg_terminate_backend} from a second
 * connection): the unit fails with a clear {@link StorageException}, nothing it wrote remains, and the storage
 * carries on with a new connection. The storage runs on a small pool of the test's own, which shows that the broken
 * connection is handed back rather than leaked.
 */
class PostgresConnectionLossIT {

    @RegisterExtension
    static final PostgresTestDatabase DATABASE = new PostgresTestDatabase();

    private HikariDataSource pool;
    private JdbcStorage storage;
    private Organization organization;

    @BeforeEach
    void openStorage() {
        DATABASE.reset();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(DATABASE.jdbcUrl());
        // Flyway holds two connections while it migrates: its lock, and the migration.
        config.setMaximumPoolSize(2);
        config.setConnectionTimeout(5_000);
        pool = new HikariDataSource(config);
        storage = JdbcStorage.postgres(pool);
        organization = TestData.organization();
        storage.organizations().insert(organization);
    }

    @AfterEach
    void closeStorage() {
        storage.close();
        pool.close();
    }

    @Test
    @Timeout(60)
    void aUnitWhoseSessionIsKilledAfterItsFirstWriteFailsAndLeavesNothing() {
        Project first = TestData.project(organization.id(), "first-write");
        Project second = TestData.project(organization.id(), "second-write");

        assertThatThrownBy(() -> storage.transactions().run(() -> {
            storage.projects().insert(first);
            terminate(backendOfThisUnit());
            storage.projects().insert(second);
        }))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("connection")
                .hasMessageContaining("nothing was written")
                .hasMessageNotContainingAny("INSERT", "projects", first.name(), second.name(), "password");

        assertThat(storage.projects().findById(first.id())).isEmpty();
        assertThat(storage.projects().findById(second.id())).isEmpty();
        assertThat(storage.projects().listByOrganization(organization.id())).isEmpty();
        assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isZero();
    }

    @Test
    @Timeout(60)
    void aUnitWhoseSessionIsKilledBeforeItCommitsFailsAndLeavesNothing() {
        Project only = TestData.project(organization.id(), "only-write");

        assertThatThrownBy(() -> storage.transactions().run(() -> {
            storage.projects().insert(only);
            terminate(backendOfThisUnit());
        })).isInstanceOf(StorageException.class).hasMessageContaining("connection");

        assertThat(storage.projects().findById(only.id())).isEmpty();
        assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isZero();
    }

    @Test
    @Timeout(60)
    void theStorageWorksAgainAfterItsSessionWasKilled() {
        assertThatThrownBy(() -> storage.transactions().run(() -> terminate(backendOfThisUnit())))
                .isInstanceOf(StorageException.class);

        Project later = TestData.project(organization.id());
        storage.transactions().run(() -> storage.projects().insert(later));

        assertThat(storage.projects().findById(later.id())).contains(later);
        assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isZero();
    }

    /** The server process of the unit running on this thread. */
    private int backendOfThisUnit() {
        JdbcTransactions transactions = (JdbcTransactions) storage.transactions();
        return transactions.read(handle -> handle.createQuery("SELECT pg_backend_pid()").mapTo(Integer.class).one());
    }

    /** Ends the session {@code pid} from a connection of its own, and waits until the server has let it go. */
    private static void terminate(int pid) {
        try (Connection admin = DATABASE.connect()) {
            try (PreparedStatement kill = admin.prepareStatement("SELECT pg_terminate_backend(?)")) {
                kill.setInt(1, pid);
                try (ResultSet killed = kill.executeQuery()) {
                    assertThat(killed.next() && killed.getBoolean(1)).as("pg_terminate_backend(%d)", pid).isTrue();
                }
            }
            try (PreparedStatement alive =
                    admin.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE pid = ?")) {
                alive.setInt(1, pid);
                for (int attempt = 0; attempt < 100; attempt++) {
                    try (ResultSet rows = alive.executeQuery()) {
                        rows.next();
                        if (rows.getInt(1) == 0) {
                            return;
                        }
                    }
                    Thread.sleep(50);
                }
            }
            throw new AssertionError("session " + pid + " was still alive 5 seconds after pg_terminate_backend");
        } catch (SQLException failure) {
            throw new IllegalStateException("could not end session " + pid, failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while ending session " + pid, interrupted);
        }
    }
}
