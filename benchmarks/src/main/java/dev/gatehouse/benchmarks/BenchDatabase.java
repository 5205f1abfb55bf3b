package dev.gatehouse.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.gatehouse.adapters.jdbc.JdbcStorage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Locale;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * A database of its own for one benchmark trial: an H2 file in a new temporary directory, or a new schema on the
 * PostgreSQL server, migrated by {@link JdbcStorage}; closing it deletes the file or drops the schema. Not
 * thread-safe while opening or closing; the storage and the pool may be used from any thread.
 */
final class BenchDatabase implements AutoCloseable {

    /** The system property naming the PostgreSQL server's JDBC URL; wins over {@value #PG_URL_VARIABLE}. */
    static final String PG_URL_PROPERTY = "gatehouse.bench.pgUrl";
    /** The environment variable the project's PostgreSQL tests read too. */
    static final String PG_URL_VARIABLE = "GATEHOUSE_TEST_PG_URL";
    /** The local server CI machines run, used when neither the property nor the variable is set. */
    static final String DEFAULT_PG_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    /** The pool sizes {@link JdbcStorage} uses, so that the raw baseline borrows connections as the adapter does. */
    private static final int EMBEDDED_POOL_SIZE = 4;
    private static final int SERVER_POOL_SIZE = 10;
    private static final int SERVER_MINIMUM_IDLE = 2;

    private final String store;
    private final String url;
    private final JdbcStorage storage;
    private final HikariDataSource pool;
    private final Runnable drop;

    private BenchDatabase(String store, String url, JdbcStorage storage, HikariDataSource pool, Runnable drop) {
        this.store = store;
        this.url = url;
        this.storage = storage;
        this.pool = pool;
        this.drop = drop;
    }

    /**
     * Opens a fresh, migrated database of {@code store}: {@code h2} (an embedded H2 file, the server's default) or
     * {@code postgres} (the server named by {@value #PG_URL_PROPERTY} or {@value #PG_URL_VARIABLE}, else
     * {@value #DEFAULT_PG_URL}).
     */
    static BenchDatabase open(String store) {
        return switch (store) {
            case "h2" -> openH2();
            case "postgres" -> openPostgres();
            default -> throw new IllegalArgumentException("store is h2 or postgres, not " + store);
        };
    }

    /** The JDBC URL of the PostgreSQL server the benchmarks use. */
    static String postgresServerUrl() {
        String property = System.getProperty(PG_URL_PROPERTY);
        if (property != null && !property.isBlank()) {
            return property;
        }
        String variable = System.getenv(PG_URL_VARIABLE);
        return variable != null && !variable.isBlank() ? variable : DEFAULT_PG_URL;
    }

    /** {@code h2} or {@code postgres}. */
    String store() {
        return store;
    }

    /** The Gatehouse storage over this database. */
    JdbcStorage storage() {
        return storage;
    }

    /** A HikariCP pool over the same database, sized as the storage's own, for raw JDBC baselines. */
    DataSource pool() {
        return pool;
    }

    /** A new unpooled connection for bulk loading; PostgreSQL's rewrites batched inserts into multi-row ones. */
    Connection connectForBulkLoad() throws SQLException {
        if (store.equals("postgres")) {
            return DriverManager.getConnection(url + "&reWriteBatchedInserts=true");
        }
        return DriverManager.getConnection(url);
    }

    /** Closes the pool and the storage, then deletes the H2 file or drops the PostgreSQL schema. */
    @Override
    public void close() {
        try {
            pool.close();
            storage.close();
        } finally {
            drop.run();
        }
    }

    /** Closes {@code installation} over this database, if any, then this database, even when the first fails. */
    void closeAfter(BenchInstallation installation) {
        try {
            if (installation != null) {
                installation.close();
            }
        } finally {
            close();
        }
    }

    private static BenchDatabase openH2() {
        Path directory;
        try {
            directory = Files.createTempDirectory("gatehouse-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path file = directory.resolve("gatehouse").toAbsolutePath();
        JdbcStorage storage = JdbcStorage.h2File(file);
        // The same URL as the storage's, so that both pools share one embedded database engine.
        String url = "jdbc:h2:file:" + file;
        return new BenchDatabase("h2", url, storage, pool(url, EMBEDDED_POOL_SIZE, EMBEDDED_POOL_SIZE),
                () -> deleteRecursively(directory));
    }

    private static BenchDatabase openPostgres() {
        String server = postgresServerUrl();
        String schema = schemaName();
        execute(server, "CREATE SCHEMA " + schema);
        Runnable drop = () -> execute(server, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        String url = server + (server.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        try {
            JdbcStorage storage = JdbcStorage.postgres(url);
            return new BenchDatabase("postgres", url, storage, pool(url, SERVER_POOL_SIZE, SERVER_MINIMUM_IDLE), drop);
        } catch (RuntimeException failure) {
            drop.run();
            throw failure;
        }
    }

    private static HikariDataSource pool(String url, int size, int minimumIdle) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("benchmark-baseline");
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(minimumIdle);
        return new HikariDataSource(config);
    }

    /** A schema name unique to this trial, prefixed as the test schemas are so that a leftover is recognisable. */
    private static String schemaName() {
        byte[] suffix = new byte[6];
        new SecureRandom().nextBytes(suffix);
        return ("gh_bench_" + HexFormat.of().formatHex(suffix)).toLowerCase(Locale.ROOT);
    }

    private static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException failure) {
            throw new IllegalStateException("PostgreSQL at " + redacted(url) + " could not run: " + sql
                    + " (" + failure.getMessage() + ")", failure);
        }
    }

    /** The URL without its parameters, which may carry a password. */
    private static String redacted(String url) {
        int parameters = url.indexOf('?');
        return parameters < 0 ? url : url.substring(0, parameters) + "?...";
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
