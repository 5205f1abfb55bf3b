package dev.gatehouse.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.http.TestServer.Response;
import dev.gatehouse.ports.model.BusyException;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A saturated resource (the SQL checker's parsers) is a 503 the client may retry, not a 422 about its input. */
class BusyCheckerTest {

    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.UNTHROTTLED, UnaryOperator.identity(), builder -> builder.queryChecker(
                sql -> {
                    throw new BusyException("Too many alert queries are being checked at once: try again in a moment");
                }));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anAlertWhoseQueryCannotBeCheckedForNowIsA503WithRetryAfterAndNothingIsStored() {
        String project = server.createProject("busy-checker");
        String alerts = "/api/v1/projects/" + project + "/alerts/";

        Response refused = server.post(alerts, server.adminToken, "{\"name\": \"a\", \"description\": \"d\","
                + " \"query\": \"SELECT 1\","
                + " \"time_window\": \"PT5M\", \"frequency\": \"PT1M\", \"watermark\": \"PT0S\","
                + " \"notify_when\": \"has_matches\"}");

        assertThat(refused.status()).as(refused.body()).isEqualTo(503);
        assertThat(refused.header("Retry-After")).isEqualTo("1");
        assertThat(refused.json().get("detail").asText()).contains("try again");
        assertThat(server.get(alerts, server.adminToken).json()).isEmpty();
    }
}
