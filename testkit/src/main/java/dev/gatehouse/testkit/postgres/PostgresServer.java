package dev.gatehouse.testkit.postgres;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the PostgreSQL server that tests use: the URL in {@value #URL_VARIABLE}, else {@value #DEFAULT_URL} if
 * something answers at 127.0.0.1:5432. Where the variable is unset and nothing answers, PostgreSQL tests are skipped
 * with one loud line on stderr; where the variable is set and the server does not answer, they fail, so that a CI
 * run that sets the variable can never pass by skipping them. Thread-safe; the answer is found once per JVM.
 */
public final class PostgresServer {

    /** The environment variable naming the test server's JDBC URL, for example {@value #DEFAULT_URL}. */
    public static final String URL_VARIABLE = "GATEHOUSE_TEST_PG_URL";

    /** The URL tried when {@value #URL_VARIABLE} is unset: the local server CI machines run. */
    public static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    private static final String DEFAULT_HOST = "127.0.0.1";
    private static final int DEFAULT_PORT = 5432;
    private static final int PROBE_TIMEOUT_MILLIS = 1000;

    private static Resolution resolution;

    private PostgresServer() {
    }

    /**
     * The server's JDBC URL, tested with one connection. Aborts the calling test (a JUnit assumption) where no server
     * is configured or found; throws {@link IllegalStateException} where the configured server does not answer.
     */
    public static String url() {
        Resolution found = resolve();
        if (found.url == null) {
            Assumptions.abort(found.skipReason);
        }
        return found.url;
    }

    private static synchronized Resolution resolve() {
        if (resolution == null) {
            resolution = resolve(System.getenv(URL_VARIABLE));
        }
        return resolution;
    }

    private static Resolution resolve(String configured) {
        if (configured != null && !configured.isBlank()) {
            requireAnswer(configured, URL_VARIABLE + " is set (" + redacted(configured) + ")");
            return new Resolution(configured, null);
        }
        if (!somethingListensAtDefault()) {
            String reason = URL_VARIABLE + " is unset and nothing answers at " + DEFAULT_HOST + ":" + DEFAULT_PORT
                    + "; set it (for example to " + DEFAULT_URL + ") to run them";
            System.err.println("POSTGRESQL TESTS SKIPPED: " + reason);
            return new Resolution(null, reason);
        }
        requireAnswer(DEFAULT_URL, URL_VARIABLE + " is unset and a server listens at " + DEFAULT_HOST + ":"
                + DEFAULT_PORT);
        return new Resolution(DEFAULT_URL, null);
    }

    private static void requireAnswer(String url, String context) {
        try (Connection connection = DriverManager.getConnection(url)) {
            if (!connection.isValid(5)) {
                throw new IllegalStateException(context + ", but PostgreSQL does not answer a validity check");
            }
        } catch (SQLException failure) {
            String message = String.valueOf(failure.getMessage()).replace(url, redacted(url));
            throw new IllegalStateException(context + ", but PostgreSQL does not answer: " + message
                    + " (SQLState " + failure.getSQLState() + ")");
        }
    }

    private static boolean somethingListensAtDefault() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(DEFAULT_HOST, DEFAULT_PORT), PROBE_TIMEOUT_MILLIS);
            return true;
        } catch (IOException nothingThere) {
            return false;
        }
    }

    /** The URL without its parameters, which may carry a password. */
    static String redacted(String url) {
        int parameters = url.indexOf('?');
        return parameters < 0 ? url : url.substring(0, parameters) + "?...";
    }

    private record Resolution(String url, String skipReason) {
    }
}
