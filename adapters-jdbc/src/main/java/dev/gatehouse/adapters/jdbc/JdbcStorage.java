package dev.gatehouse.adapters.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.gatehouse.ports.model.StorageException;
import dev.gatehouse.ports.out.AlertStore;
import dev.gatehouse.ports.out.AuditStore;
import dev.gatehouse.ports.out.ChannelStore;
import dev.gatehouse.ports.out.CredentialStore;
import dev.gatehouse.ports.out.DashboardStore;
import dev.gatehouse.ports.out.InstallationFingerprints;
import dev.gatehouse.ports.out.OrganizationStore;
import dev.gatehouse.ports.out.ProjectStore;
import dev.gatehouse.ports.out.Storage;
import dev.gatehouse.ports.out.Transactions;
import dev.gatehouse.ports.out.VariableStore;
import dev.gatehouse.ports.out.VerificationInvalidations;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/**
 * Gatehouse storage on H2 or PostgreSQL: Jdbi over a HikariCP pool, with the schema brought to the latest version by
 * Flyway when the storage is created. Thread-safe; a unit of work is bound to the thread that runs it.
 */
public final class JdbcStorage implements Storage {

    private static final int EMBEDDED_POOL_SIZE = 4;
    private static final int SERVER_POOL_SIZE = 10;
    private static final int SERVER_MINIMUM_IDLE = 2;

    private final String description;
    private final JdbcTransactions transactions;
    private final JdbcOrganizationStore organizations;
    private final JdbcProjectStore projects;
    private final JdbcCredentialStore credentials;
    private final JdbcAuditStore audit;
    private final JdbcDashboardStore dashboards;
    private final JdbcVariableStore variables;
    private final JdbcChannelStore channels;
    private final JdbcAlertStore alerts;
    private final JdbcInstallationFingerprints fingerprints;
    private final VerificationInvalidations invalidations;
    private final Runnable closeSubscriptions;
    private final Runnable release;
    private final AtomicBoolean closed = new AtomicBoolean();

    private JdbcStorage(String description, Vendor vendor, DataSource dataSource, Runnable release) {
        this.description = description;
        this.transactions = new JdbcTransactions(dataSource);
        this.organizations = new JdbcOrganizationStore(transactions);
        this.projects = new JdbcProjectStore(transactions);
        this.credentials = new JdbcCredentialStore(transactions);
        this.audit = new JdbcAuditStore(transactions);
        this.dashboards = new JdbcDashboardStore(transactions);
        this.variables = new JdbcVariableStore(transactions);
        this.channels = new JdbcChannelStore(transactions);
        this.alerts = new JdbcAlertStore(transactions);
        this.fingerprints = new JdbcInstallationFingerprints(transactions);
        if (vendor == Vendor.POSTGRESQL) {
            PostgresInvalidations postgres = new PostgresInvalidations(transactions, dataSource);
            this.invalidations = postgres;
            this.closeSubscriptions = postgres::closeAll;
        } else {
            this.invalidations = VerificationInvalidations.none();
            this.closeSubscriptions = () -> { };
        }
        this.release = release;
    }

    /**
     * Storage in the H2 database file at {@code file} (H2 appends {@code .mv.db}), created if absent; one process
     * at a time may open it.
     */
    public static JdbcStorage h2File(Path file) {
        return h2File(file, "");
    }

    /** As {@link #h2File(Path)}, with more of H2's settings appended to the URL ({@code ;NAME=value}); for tests. */
    static JdbcStorage h2File(Path file, String settings) {
        Path absolute = Objects.requireNonNull(file, "file").toAbsolutePath();
        // WRITE_DELAY=0: an acknowledged commit survives a kill -9. DB_CLOSE_ON_EXIT=FALSE: H2's own shutdown hook
        // must not close the database before ours has flushed the last writes; close() shuts it down instead.
        // TRACE_LEVEL_FILE=0: no trace file beside the database, whose failure to open would print a long trace.
        String url = "jdbc:h2:file:" + absolute + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;TRACE_LEVEL_FILE=0"
                + settings;
        return pooled(Vendor.H2, url, "H2 database " + absolute, EMBEDDED_POOL_SIZE, EMBEDDED_POOL_SIZE, false);
    }

    /** Storage in a new, private, in-memory H2 database that lives until {@link #close()}. */
    public static JdbcStorage h2InMemory() {
        // DB_CLOSE_DELAY=-1 keeps the database while the pool recycles its connections; close() shuts it down.
        String url = "jdbc:h2:mem:gatehouse-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        return pooled(Vendor.H2, url, "in-memory H2 database", EMBEDDED_POOL_SIZE, EMBEDDED_POOL_SIZE, true);
    }

    /**
     * Storage in the PostgreSQL database at {@code jdbcUrl} ({@code jdbc:postgresql://host:port/database?...}),
     * through a pool this storage creates and closes.
     */
    public static JdbcStorage postgres(String jdbcUrl) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("a PostgreSQL JDBC URL starts with jdbc:postgresql:");
        }
        String problem = passwordHazard(jdbcUrl);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return pooled(Vendor.POSTGRESQL, jdbcUrl, "PostgreSQL at " + location(jdbcUrl), SERVER_POOL_SIZE,
                SERVER_MINIMUM_IDLE, false);
    }

    /**
     * Storage in the PostgreSQL database behind {@code dataSource}, which the caller owns and closes; it must hand out
     * two connections at once while the schema is migrated (Flyway locks with one and migrates with the other), and
     * each Gatehouse built on this storage keeps one of its connections to listen for other instances' changes.
     */
    public static JdbcStorage postgres(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        Migrations.migrateToLatest(dataSource, Vendor.POSTGRESQL);
        return new JdbcStorage("PostgreSQL (a caller's data source)", Vendor.POSTGRESQL, dataSource, () -> { });
    }

    @Override
    public Transactions transactions() {
        return transactions;
    }

    @Override
    public OrganizationStore organizations() {
        return organizations;
    }

    @Override
    public ProjectStore projects() {
        return projects;
    }

    @Override
    public CredentialStore credentials() {
        return credentials;
    }

    @Override
    public AuditStore audit() {
        return audit;
    }

    @Override
    public ChannelStore channels() {
        return channels;
    }

    @Override
    public AlertStore alerts() {
        return alerts;
    }

    @Override
    public DashboardStore dashboards() {
        return dashboards;
    }

    @Override
    public VariableStore variables() {
        return variables;
    }

    @Override
    public InstallationFingerprints fingerprints() {
        return fingerprints;
    }

    /**
     * On PostgreSQL, {@code NOTIFY} and {@code LISTEN}, so that several instances can share the database; on H2,
     * which one process opens at a time, nothing.
     */
    @Override
    public VerificationInvalidations invalidations() {
        return invalidations;
    }

    /**
     * Ends the invalidation subscriptions still running, then closes the pool this storage created (an in-memory
     * database goes with it); a second call does nothing.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            closeSubscriptions.run();
            release.run();
        }
    }

    @Override
    public String toString() {
        return "JdbcStorage[" + description + "]";
    }

    private static JdbcStorage pooled(
            Vendor vendor, String url, String description, int poolSize, int minimumIdle, boolean shutdownOnClose) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("gatehouse-" + vendor.folder());
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(minimumIdle);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException failure) {
            // Not the failure itself as the cause: the pool's and the driver's messages repeat the URL, parameters
            // and all, where a password may be.
            throw new StorageException("cannot connect to " + description,
                    new StorageException(reasonWithoutUrl(failure), null));
        }
        Runnable release = shutdownOnClose ? () -> closeThenShutDown(pool, url) : pool::close;
        try {
            if (vendor == Vendor.H2) {
                requireWritable(pool, description);
            }
            Migrations.migrateToLatest(pool, vendor);
            return new JdbcStorage(description, vendor, pool, release);
        } catch (RuntimeException failure) {
            release.run();
            throw failure;
        }
    }

    /**
     * Refuses an H2 database that opened read-only, as H2 opens a file its user may not write: it would answer reads
     * and fail every write, and lose every {@code last_used_at} stamp.
     */
    private static void requireWritable(DataSource pool, String description) {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
                ResultSet readOnly = statement.executeQuery("SELECT READONLY()")) {
            if (readOnly.next() && readOnly.getBoolean(1)) {
                throw new StorageException(description + " can only be read: its files must be writable by the user"
                        + " this process runs as", null);
            }
        } catch (SQLException failure) {
            throw new StorageException("cannot open " + description, failure);
        }
    }

    /** The first message along {@code failure}'s causes that does not repeat a JDBC URL, or a plain stand-in. */
    static String reasonWithoutUrl(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && !message.contains("jdbc:")) {
                return message;
            }
        }
        return "the driver could not use the URL";
    }

    /** Closes the pool, then the in-memory database that outlived it, so that its memory is freed. */
    private static void closeThenShutDown(HikariDataSource pool, String url) {
        pool.close();
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (SQLException failure) {
            throw SqlErrors.storage(failure);
        }
    }

    /**
     * Why the PostgreSQL driver could not read {@code jdbcUrl} as meant, and would repeat a password in its messages,
     * or null: a user or password before the host, or parameters after {@code ;}, which it takes for part of the host
     * or database name. The message never repeats the URL.
     */
    public static String passwordHazard(String jdbcUrl) {
        String rest = jdbcUrl.substring(jdbcUrl.indexOf(':', "jdbc:".length()) + 1);
        int parameters = rest.indexOf('?');
        String beforeParameters = parameters < 0 ? rest : rest.substring(0, parameters);
        if (beforeParameters.contains("@")) {
            return "a PostgreSQL JDBC URL cannot hold a user or password before the host: give them as parameters,"
                    + " as in jdbc:postgresql://host:5432/database?user=name&password=secret";
        }
        if (beforeParameters.contains(";")) {
            return "a PostgreSQL JDBC URL takes its parameters after '?', not ';', as in"
                    + " jdbc:postgresql://host:5432/database?user=name&password=secret";
        }
        return null;
    }

    /** Host, port and database of a PostgreSQL URL, without the parameters, which may hold a password. */
    private static String location(String jdbcUrl) {
        String rest = jdbcUrl.substring("jdbc:postgresql:".length());
        rest = rest.startsWith("//") ? rest.substring(2) : rest;
        int parameters = rest.indexOf('?');
        return parameters < 0 ? rest : rest.substring(0, parameters);
    }
}
