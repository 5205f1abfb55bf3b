package dev.gatehouse.testkit.postgres;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A PostgreSQL schema of its own for one test class: register an instance as a {@code static}
 * {@code @RegisterExtension} field, and before the class's tests it finds the test server (see
 * {@link PostgresServer}), creates a uniquely named schema, and hands out URLs and data sources pinned to it
 * ({@code currentSchema=}); after them it drops the schema with everything in it.
 *
 * <p>Uses {@code java.sql} only: the PostgreSQL driver comes from the test classpath of whoever uses it. Not
 * thread-safe while opening or resetting; the URL and data source it hands out may be used from any thread.
 */
public final class PostgresTestDatabase implements BeforeAllCallback, AfterAllCallback {

    private static final int MAX_LABEL_LENGTH = 30;
    private static final SecureRandom RANDOM = new SecureRandom();

    private String serverUrl;
    private String schema;

    /** Finds the server and creates the schema, named after the test class. */
    @Override
    public void beforeAll(ExtensionContext context) {
        open(context.getRequiredTestClass().getSimpleName());
    }

    /** Drops the schema. */
    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /**
     * Finds the server and creates a fresh schema whose name starts with {@code label}; for use outside the JUnit
     * lifecycle (pair it with {@link #close()}). Skips the calling test where no server is configured or found.
     */
    public void open(String label) {
        if (schema != null) {
            throw new IllegalStateException("this test database is already open, on schema " + schema);
        }
        String url = PostgresServer.url();
        String name = schemaName(label);
        execute(url, "CREATE SCHEMA " + name);
        serverUrl = url;
        schema = name;
    }

    /** Empties the schema by dropping and recreating it, for a test that needs a database nobody has migrated yet. */
    public void reset() {
        requireOpen();
        execute(serverUrl, "DROP SCHEMA IF EXISTS " + schema + " CASCADE; CREATE SCHEMA " + schema);
    }

    /**
     * Deletes every row of every table in the schema except the tables named in {@code keep} (for example a migration
     * history), so that tests sharing one migrated schema each start empty; much faster than {@link #reset()}.
     */
    public void emptyTables(String... keep) {
        requireOpen();
        Set<String> kept = Set.of(keep);
        List<String> tables = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(serverUrl);
                PreparedStatement query = connection.prepareStatement("SELECT table_name FROM information_schema.tables"
                        + " WHERE table_schema = ? AND table_type = 'BASE TABLE'")) {
            query.setString(1, schema);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    if (!kept.contains(rows.getString(1))) {
                        tables.add(schema + ".\"" + rows.getString(1).replace("\"", "\"\"") + "\"");
                    }
                }
            }
            if (!tables.isEmpty()) {
                try (Statement truncate = connection.createStatement()) {
                    truncate.execute("TRUNCATE TABLE " + String.join(", ", tables));
                }
            }
        } catch (SQLException failure) {
            throw new IllegalStateException("the tables of test schema " + schema + " could not be emptied", failure);
        }
    }

    /** Drops the schema and everything in it; does nothing if it is not open. */
    public void close() {
        if (schema == null) {
            return;
        }
        try {
            execute(serverUrl, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } finally {
            schema = null;
            serverUrl = null;
        }
    }

    /** The schema's name, unique to this instance. */
    public String schema() {
        requireOpen();
        return schema;
    }

    /** A JDBC URL whose connections use the schema as their current schema. */
    public String jdbcUrl() {
        requireOpen();
        return serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** An unpooled data source over {@link #jdbcUrl()}: each {@code getConnection()} opens a new connection. */
    public DataSource dataSource() {
        return new UrlDataSource(jdbcUrl());
    }

    /** A new connection on the schema; the caller closes it. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl());
    }

    private void requireOpen() {
        if (schema == null) {
            throw new IllegalStateException(
                    "the test database is not open: register it as a static @RegisterExtension field, or call open()");
        }
    }

    private static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException failure) {
            throw new IllegalStateException("the test database could not run: " + sql, failure);
        }
    }

    /** A lowercase identifier safe to splice into SQL: the label's letters and digits, a random suffix. */
    static String schemaName(String label) {
        String cleaned = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        if (cleaned.length() > MAX_LABEL_LENGTH) {
            cleaned = cleaned.substring(0, MAX_LABEL_LENGTH);
        }
        byte[] suffix = new byte[6];
        RANDOM.nextBytes(suffix);
        return "gh_" + cleaned + "_" + HexFormat.of().formatHex(suffix);
    }
}
