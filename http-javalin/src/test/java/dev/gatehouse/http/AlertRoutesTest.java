package dev.gatehouse.http;

import static dev.gatehouse.http.TestServer.Response.fields;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.adapters.inmemory.InMemoryStorage;
import dev.gatehouse.http.TestServer.Response;
import dev.gatehouse.ports.in.NewChannel;
import dev.gatehouse.ports.model.Alert;
import dev.gatehouse.ports.model.AlertId;
import dev.gatehouse.ports.model.AlertRun;
import dev.gatehouse.ports.model.ChannelConfig;
import dev.gatehouse.ports.model.Organization;
import dev.gatehouse.ports.model.OrganizationId;
import dev.gatehouse.ports.model.Principal;
import dev.gatehouse.ports.model.WebhookFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AlertRoutesTest {

    static final String[] ALERT_READ = {"id", "organization_id", "project_id", "created_at", "updated_at",
        "created_by_name", "updated_by_name", "name", "description", "query", "time_window", "frequency", "watermark",
        "channels", "notify_when", "active"};
    static final String[] ALERT_WITH_LAST_RUN = {"id", "organization_id", "project_id", "created_at", "updated_at",
        "created_by_name", "updated_by_name", "name", "description", "query", "time_window", "frequency", "watermark",
        "channels", "notify_when", "active", "last_run", "has_matches", "has_errors", "result", "result_length"};
    static final String[] ALERT_CHANNEL_READ = {"id", "organization_id", "label", "active", "created_at",
        "updated_at", "created_by_name", "updated_by_name", "config", "schedule_id"};

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOOK = "https://hooks.example.com/services/T0/B0/alert-secret";
    private static final String HOOK_MASKED = "https://hooks.example.com/**********";

    static InMemoryStorage storage;
    static TestServer server;

    @BeforeAll
    static void start() {
        storage = InMemoryStorage.create();
        server = TestServer.start(TestServer.UNTHROTTLED, UnaryOperator.identity(), builder -> builder.storage(storage));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void create_answers_201_with_the_reference_fields_and_durations_in_canonical_iso() {
        String project = server.createProject("create-alerts");
        String slack = channel("Slack");
        String pager = channel("Pager");
        String schedule = UUID.randomUUID().toString();
        String writer = server.createApiKey(project, "project:write_alert", "project:read_alert");
        ObjectNode body = alert("errors");
        body.put("time_window", 300).put("frequency", "60").put("watermark", "PT0S");
        body.putArray("channel_assignments")
                .add(JSON.createObjectNode().put("channel_id", pager).put("schedule_id", schedule))
                .add(JSON.createObjectNode().put("channel_id", slack));

        Response created = server.post(alerts(project), writer, body.toString());

        assertThat(created.status()).isEqualTo(201);
        JsonNode alert = created.json();
        assertThat(fields(alert)).containsExactlyInAnyOrder(ALERT_READ);
        assertThat(alert.get("name").asText()).isEqualTo("errors");
        assertThat(alert.get("description").asText()).isEqualTo("errors in checkout");
        assertThat(alert.get("query").asText()).isEqualTo("SELECT count(*) FROM records WHERE level = 'error'");
        assertThat(alert.get("time_window").asText()).isEqualTo("PT5M");
        assertThat(alert.get("frequency").asText()).isEqualTo("PT1M");
        assertThat(alert.get("watermark").asText()).isEqualTo("PT0S");
        assertThat(alert.get("notify_when").asText()).isEqualTo("has_matches");
        assertThat(alert.get("active").asBoolean()).isTrue();
        assertThat(alert.get("project_id").asText()).isEqualTo(project);
        assertThat(alert.get("organization_id").asText())
                .isEqualTo(server.gatehouse.organizations().all().get(0).id().toString());
        assertThat(alert.get("created_at").asText()).matches(ProjectRoutesTest.UTC_TIMESTAMP);
        assertThat(alert.get("updated_at").isNull()).isTrue();
        assertThat(alert.get("created_by_name").asText()).isEqualTo("test key");
        assertThat(alert.get("updated_by_name").isNull()).isTrue();
        JsonNode channels = alert.get("channels");
        assertThat(channels).hasSize(2);
        assertThat(channels).allSatisfy(channel -> {
            assertThat(fields(channel)).containsExactlyInAnyOrder(ALERT_CHANNEL_READ);
            assertThat(channel.get("config").get("url").asText()).isEqualTo(HOOK_MASKED);
        });
        assertThat(channels.get(0).get("id").asText()).isEqualTo(pager);
        assertThat(channels.get(0).get("label").asText()).isEqualTo("Pager");
        assertThat(channels.get(0).get("schedule_id").asText()).isEqualTo(schedule);
        assertThat(channels.get(1).get("id").asText()).isEqualTo(slack);
        assertThat(channels.get(1).get("schedule_id").isNull()).isTrue();
        assertThat(created.body()).doesNotContain("alert-secret");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"PT5M\"     | PT5M",
        "300          | PT5M",
        "\"300\"      | PT5M",
        "\"P1D\"      | P1D",
        "86400        | P1D",
        "\"PT24H\"    | P1D",
        "\"PT1H30M\"  | PT1H30M",
        "\"PT1.5H\"   | PT1H30M",
        "\"PT90S\"    | PT1M30S",
        "60           | PT1M",
        "\"P30D\"     | P30D",
        "\"P1M\"      | P30D",
        "\"P1W\"      | P7D",
        "\"P1DT2H\"   | P1DT2H",
        "\"1 day, 02:00:00\" | P1DT2H",
        "\"26:00:00\" | P1DT2H",
        "2592000.0    | P30D",
    })
    void durations_are_read_and_written_as_pydantic_reads_and_writes_them(String given, String answered) {
        String project = server.createProject("durations-" + UUID.randomUUID().toString().substring(0, 8));
        ObjectNode body = alert("window");
        body.set("time_window", readJson(given));

        Response created = server.post(alerts(project), server.adminToken, body.toString());

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("time_window").asText()).isEqualTo(answered);
    }

    @Test
    void list_and_get_answer_the_last_run_fields_null_until_the_alert_is_evaluated() {
        String project = server.createProject("read-alerts");
        String first = created(project, alert("first")).get("id").asText();
        String second = created(project, alert("second")).get("id").asText();
        String reader = server.createApiKey(project, "project:read_alert");

        Response list = server.get(alerts(project), reader);
        Response one = server.get(alerts(project) + first + "/", reader);

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json()).hasSize(2).allSatisfy(alert -> {
            assertThat(fields(alert)).containsExactlyInAnyOrder(ALERT_WITH_LAST_RUN);
            for (String field : List.of("last_run", "has_matches", "has_errors", "result", "result_length")) {
                assertThat(alert.get(field).isNull()).as(field).isTrue();
            }
        });
        assertThat(list.json()).extracting(alert -> alert.get("id").asText()).containsExactlyInAnyOrder(first, second);
        assertThat(one.status()).isEqualTo(200);
        assertThat(fields(one.json())).containsExactlyInAnyOrder(ALERT_WITH_LAST_RUN);
        assertThat(one.json().get("name").asText()).isEqualTo("first");
    }

    @Test
    void get_answers_the_last_run_once_the_alert_has_been_evaluated() {
        String project = server.createProject("evaluated-alert");
        String id = created(project, alert("evaluated")).get("id").asText();
        Alert stored = storage.alerts().findById(AlertId.parse(id)).orElseThrow();
        storage.transactions().run(() -> storage.alerts().update(new Alert(stored.id(), stored.organizationId(),
                stored.projectId(), stored.name(), stored.description(), stored.query(), stored.timeWindow(),
                stored.frequency(), stored.watermark(), stored.notifyWhen(), stored.active(), stored.channels(),
                stored.createdAt(), stored.createdBy(), stored.updatedAt(), stored.updatedBy(),
                new AlertRun(Instant.parse("2030-01-02T03:04:05.123456Z"), true, false,
                        "[{\"service\":\"checkout\",\"count\":3}]", 1))));

        JsonNode alert = server.get(alerts(project) + id + "/", server.adminToken).json();

        assertThat(alert.get("last_run").asText()).isEqualTo("2030-01-02T03:04:05.123456Z");
        assertThat(alert.get("has_matches").asBoolean()).isTrue();
        assertThat(alert.get("has_errors").asBoolean()).isFalse();
        assertThat(alert.get("result").toString()).isEqualTo("[{\"service\":\"checkout\",\"count\":3}]");
        assertThat(alert.get("result_length").asInt()).isEqualTo(1);
    }

    @Test
    void put_is_a_partial_update_and_channel_assignments_win_over_channel_ids() {
        String project = server.createProject("update-alerts");
        String legacy = channel("Legacy");
        String scheduled = channel("Scheduled");
        String id = created(project, alert("errors")).get("id").asText();
        String path = alerts(project) + id + "/";

        Response renamed = server.put(path, server.adminToken,
                "{\"name\": \"5xx\", \"frequency\": \"PT10M\", \"active\": false, \"notify_when\": \"matches_changed\"}");
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(fields(renamed.json())).containsExactlyInAnyOrder(ALERT_READ);
        assertThat(renamed.json().get("name").asText()).isEqualTo("5xx");
        assertThat(renamed.json().get("frequency").asText()).isEqualTo("PT10M");
        assertThat(renamed.json().get("time_window").asText()).isEqualTo("PT5M");
        assertThat(renamed.json().get("active").asBoolean()).isFalse();
        assertThat(renamed.json().get("notify_when").asText()).isEqualTo("matches_changed");
        assertThat(renamed.json().get("description").asText()).isEqualTo("errors in checkout");
        assertThat(renamed.json().get("updated_at").asText()).matches(ProjectRoutesTest.UTC_TIMESTAMP);
        assertThat(renamed.json().get("updated_by_name").asText()).isEqualTo("admin");

        Response both = server.put(path, server.adminToken, "{\"channel_ids\": [\"" + legacy + "\"],"
                + " \"channel_assignments\": [{\"channel_id\": \"" + scheduled + "\"}]}");
        assertThat(both.status()).isEqualTo(200);
        assertThat(both.json().get("channels")).extracting(channel -> channel.get("id").asText())
                .containsExactly(scheduled);

        Response idsOnly = server.put(path, server.adminToken, "{\"channel_ids\": [\"" + legacy + "\"]}");
        assertThat(idsOnly.json().get("channels")).extracting(channel -> channel.get("id").asText())
                .containsExactly(legacy);

        Response idsNull = server.put(path, server.adminToken, "{\"channel_ids\": null, \"query\": \"SELECT 2\"}");
        assertThat(idsNull.json().get("channels")).extracting(channel -> channel.get("id").asText())
                .containsExactly(legacy);
        assertThat(idsNull.json().get("query").asText()).isEqualTo("SELECT 2");

        Response cleared = server.put(path, server.adminToken, "{\"channel_assignments\": []}");
        assertThat(cleared.json().get("channels")).isEmpty();
        assertThat(server.get(path, server.adminToken).json().get("name").asText()).isEqualTo("5xx");
    }

    @Test
    void on_create_channel_assignments_win_over_channel_ids() {
        String project = server.createProject("create-both");
        String legacy = channel("Legacy");
        String scheduled = channel("Scheduled");
        ObjectNode body = alert("both");
        body.putArray("channel_ids").add(legacy);
        body.putArray("channel_assignments").add(JSON.createObjectNode().put("channel_id", scheduled));

        JsonNode alert = created(project, body);

        assertThat(alert.get("channels")).extracting(channel -> channel.get("id").asText()).containsExactly(scheduled);
    }

    @Test
    void delete_answers_204_and_the_alert_is_gone() {
        String project = server.createProject("delete-alerts");
        String id = created(project, alert("doomed")).get("id").asText();
        String path = alerts(project) + id + "/";

        Response deleted = server.delete(path, server.adminToken);

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(server.get(path, server.adminToken).status()).isEqualTo(404);
        assertThat(server.delete(path, server.adminToken).status()).isEqualTo(404);
        assertThat(server.get(alerts(project), server.adminToken).json()).isEmpty();
    }

    @Test
    void each_operation_needs_its_scope_and_the_403_names_it() {
        String project = server.createProject("alert-scopes");
        String id = created(project, alert("errors")).get("id").asText();
        String path = alerts(project) + id + "/";
        String reader = server.createApiKey(null, "project:read_alert");
        String writer = server.createApiKey(null, "project:write_alert");

        assertForbidden(server.get(alerts(project), writer), "project:read_alert");
        assertForbidden(server.get(path, writer), "project:read_alert");
        assertForbidden(server.post(alerts(project), reader, alert("more").toString()), "project:write_alert");
        assertForbidden(server.put(path, reader, "{\"name\": \"renamed\"}"), "project:write_alert");
        assertForbidden(server.delete(path, reader), "project:write_alert");

        assertThat(server.get(path, reader).json().get("name").asText()).isEqualTo("errors");
        assertThat(server.get(alerts(project), reader).json()).hasSize(1);
        assertThat(server.get(alerts(project), null).status()).isEqualTo(401);
    }

    @Test
    void another_projects_alert_and_an_invisible_project_are_404() {
        String mine = server.createProject("alerts-mine");
        String theirs = server.createProject("alerts-theirs");
        String theirAlert = created(theirs, alert("errors")).get("id").asText();
        String bound = server.createApiKey(mine, "project:read_alert", "project:write_alert");

        for (Response refused : List.of(
                server.get(alerts(theirs), bound),
                server.post(alerts(theirs), bound, alert("new").toString()),
                server.get(alerts(theirs) + theirAlert + "/", bound),
                server.get(alerts(mine) + theirAlert + "/", bound),
                server.put(alerts(mine) + theirAlert + "/", bound, "{\"name\": \"moved\"}"),
                server.delete(alerts(mine) + theirAlert + "/", bound),
                server.get(alerts(UUID.randomUUID().toString()), server.adminToken),
                server.get(alerts(mine) + UUID.randomUUID() + "/", bound))) {
            assertThat(refused.status()).isEqualTo(404);
            assertThat(fields(refused.json())).containsExactly("detail");
        }
        assertThat(server.get(alerts(theirs) + theirAlert + "/", server.adminToken).json().get("name").asText())
                .isEqualTo("errors");
    }

    @Test
    void a_name_taken_in_the_project_is_409() {
        String project = server.createProject("alert-names");
        created(project, alert("errors"));
        String other = created(project, alert("latency")).get("id").asText();

        Response duplicate = server.post(alerts(project), server.adminToken, alert("errors").toString());
        Response renamed = server.put(alerts(project) + other + "/", server.adminToken, "{\"name\": \"errors\"}");

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(renamed.status()).isEqualTo(409);
        assertThat(server.get(alerts(project), server.adminToken).json()).hasSize(2);
    }

    @Test
    void every_missing_field_is_a_422_with_its_loc() {
        String project = server.createProject("alert-missing");

        Response refused = server.post(alerts(project), server.adminToken, "{}");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(locs(refused)).containsExactlyInAnyOrder("body.name", "body.description", "body.query",
                "body.time_window", "body.frequency", "body.watermark", "body.notify_when");
        assertThat(refused.json().get("detail")).allSatisfy(error -> assertThat(error.get("type").asText())
                .isEqualTo("missing"));
        assertThat(server.get(alerts(project), server.adminToken).json()).isEmpty();
    }

    @Test
    void every_mistyped_field_is_a_422_with_its_loc() {
        String project = server.createProject("alert-types");
        ObjectNode body = alert("typed");
        body.put("name", 1).putNull("description").put("query", true).put("time_window", "five minutes")
                .put("frequency", false).put("notify_when", "sometimes").put("active", "yes");
        body.putArray("channel_ids").add("not-a-uuid").add(7);
        body.putArray("channel_assignments").add(JSON.createObjectNode()).add("x")
                .add(JSON.createObjectNode().put("channel_id", UUID.randomUUID().toString()).put("schedule_id", "s"));

        Response refused = server.post(alerts(project), server.adminToken, body.toString());

        assertThat(refused.status()).isEqualTo(422);
        assertThat(locs(refused)).containsExactlyInAnyOrder("body.name", "body.description", "body.query",
                "body.time_window", "body.frequency", "body.notify_when", "body.active", "body.channel_ids.0",
                "body.channel_ids.1", "body.channel_assignments.0.channel_id", "body.channel_assignments.1",
                "body.channel_assignments.2.schedule_id");
        assertThat(types(refused)).contains("string_type", "time_delta_parsing", "time_delta_type", "literal_error",
                "bool_type", "uuid_parsing", "uuid_type", "missing");
        assertThat(server.get(alerts(project), server.adminToken).json()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "time_window | 59      | greater_than_equal",
        "time_window | 2592001 | less_than_equal",
        "time_window | PT0S    | greater_than_equal",
        "frequency   | 59      | greater_than_equal",
        "frequency   | 86401   | less_than_equal",
        "frequency   | P2D     | less_than_equal",
        "watermark   | -1      | greater_than_equal",
        "watermark   | P31D    | less_than_equal",
        "watermark   | 1.5     | value_error",
        "time_window | 1e500000000  | time_delta_parsing",
        "watermark   | -1e500000000 | time_delta_parsing",
        "frequency   | 1e-500000000 | greater_than_equal",
    })
    @Timeout(30)
    void a_duration_out_of_range_is_a_422_on_its_field(String field, String value, String type) {
        String project = server.createProject("range-" + UUID.randomUUID().toString().substring(0, 8));
        ObjectNode body = alert("range");
        body.put(field, value);

        Response refused = server.post(alerts(project), server.adminToken, body.toString());

        assertThat(refused.status()).isEqualTo(422);
        assertThat(locs(refused)).containsExactly("body." + field);
        assertThat(types(refused)).containsExactly(type);
        assertThat(refused.json().get("detail").get(0).get("input").asText()).isEqualTo(value);
        assertThat(server.get(alerts(project), server.adminToken).json()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e999", "-1e999"})
    void a_number_beyond_a_double_is_a_422_on_its_field(String number) {
        String project = server.createProject("infinite-" + UUID.randomUUID().toString().substring(0, 8));
        String body = alert("infinite").toString().replaceFirst("\"time_window\":[^,}]*", "\"time_window\":" + number);

        Response refused = server.post(alerts(project), server.adminToken, body);

        assertThat(refused.status()).as(body).isEqualTo(422);
        assertThat(locs(refused)).containsExactly("body.time_window");
        assertThat(types(refused)).containsExactly("time_delta_parsing");
        assertThat(server.get(alerts(project), server.adminToken).json()).isEmpty();
    }

    @Test
    void the_boundaries_of_each_duration_are_accepted() {
        String project = server.createProject("alert-boundaries");
        ObjectNode body = alert("boundaries");
        body.put("time_window", 60).put("frequency", 86400).put("watermark", 2592000);

        JsonNode alert = created(project, body);

        assertThat(alert.get("time_window").asText()).isEqualTo("PT1M");
        assertThat(alert.get("frequency").asText()).isEqualTo("P1D");
        assertThat(alert.get("watermark").asText()).isEqualTo("P30D");
        ObjectNode widest = alert("widest");
        widest.put("time_window", 2592000).put("frequency", 60);
        assertThat(created(project, widest).get("time_window").asText()).isEqualTo("P30D");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "INSERT INTO records VALUES (1)",
        "UPDATE records SET level = 'info'",
        "DELETE FROM records",
        "DROP TABLE records",
        "CREATE TABLE t (a int)",
        "TRUNCATE records",
        "SELECT 1; SELECT 2",
        "SELECT 1; DELETE FROM records",
        "",
        "SELEC count(*) FROM records",
        "SELECT * INTO copy FROM records",
        "SELECT * FROM records FOR UPDATE",
        "WITH d AS (DELETE FROM records RETURNING *) SELECT * FROM d",
    })
    void every_query_but_one_read_only_select_is_a_422_on_query_and_changes_nothing(String query) {
        String project = server.createProject("bad-query-" + UUID.randomUUID().toString().substring(0, 8));
        String id = created(project, alert("kept")).get("id").asText();
        ObjectNode body = alert("refused");
        body.put("query", query);

        Response refusedCreate = server.post(alerts(project), server.adminToken, body.toString());
        Response refusedUpdate = server.put(alerts(project) + id + "/", server.adminToken,
                JSON.createObjectNode().put("query", query).put("name", "renamed").toString());

        for (Response refused : List.of(refusedCreate, refusedUpdate)) {
            assertThat(refused.status()).isEqualTo(422);
            assertThat(locs(refused)).containsExactly("body.query");
            JsonNode error = refused.json().get("detail").get(0);
            assertThat(error.get("type").asText()).startsWith("sql_");
            assertThat(error.get("msg").asText()).isNotBlank();
            assertThat(error.get("input").asText()).isEqualTo(query);
        }
        JsonNode kept = server.get(alerts(project) + id + "/", server.adminToken).json();
        assertThat(kept.get("name").asText()).isEqualTo("kept");
        assertThat(server.get(alerts(project), server.adminToken).json()).hasSize(1);
    }

    @Test
    void a_query_refusal_carries_the_parsers_message() {
        String project = server.createProject("parser-message");
        ObjectNode unparsable = alert("bad");
        unparsable.put("query", "SELEC count(*) FROM records");
        ObjectNode delete = alert("bad");
        delete.put("query", "DELETE FROM records");

        JsonNode syntax = server.post(alerts(project), server.adminToken, unparsable.toString()).json().get("detail");
        JsonNode notSelect = server.post(alerts(project), server.adminToken, delete.toString()).json().get("detail");

        assertThat(syntax.get(0).get("type").asText()).isEqualTo("sql_invalid");
        assertThat(syntax.get(0).get("msg").asText()).contains("Encountered unexpected token: \"SELEC\"")
                .contains("line 1, column 1");
        assertThat(notSelect.get(0).get("type").asText()).isEqualTo("sql_not_select");
        assertThat(notSelect.get(0).get("msg").asText()).startsWith("Expected a SELECT query, found DELETE")
                .contains("Encountered unexpected token: \"DELETE\"");
    }

    @Test
    void a_channel_of_another_organization_is_a_422_on_the_field_it_came_from() {
        String project = server.createProject("foreign-channel");
        Organization other = new Organization(OrganizationId.random(), "alerts elsewhere", Instant.now());
        storage.transactions().run(() -> storage.organizations().insert(other));
        String foreign = server.gatehouse.channels().create(Principal.operator(other.id()),
                new NewChannel("theirs", new ChannelConfig.Webhook(WebhookFormat.AUTO, HOOK))).channel().id()
                .toString();
        String ours = channel("Ours");
        ObjectNode byIds = alert("foreign");
        byIds.putArray("channel_ids").add(ours).add(foreign);
        ObjectNode byAssignments = alert("foreign");
        byAssignments.putArray("channel_assignments").add(JSON.createObjectNode().put("channel_id", foreign));
        ObjectNode unknown = alert("foreign");
        unknown.putArray("channel_ids").add(UUID.randomUUID().toString());

        Response refusedIds = server.post(alerts(project), server.adminToken, byIds.toString());
        Response refusedAssignments = server.post(alerts(project), server.adminToken, byAssignments.toString());
        Response refusedUnknown = server.post(alerts(project), server.adminToken, unknown.toString());

        assertThat(refusedIds.status()).isEqualTo(422);
        assertThat(locs(refusedIds)).containsExactly("body.channel_ids");
        assertThat(refusedIds.json().get("detail").get(0).get("msg").asText()).contains(foreign);
        assertThat(refusedAssignments.status()).isEqualTo(422);
        assertThat(locs(refusedAssignments)).containsExactly("body.channel_assignments");
        assertThat(refusedUnknown.status()).isEqualTo(422);
        assertThat(locs(refusedUnknown)).containsExactly("body.channel_ids");
        assertThat(server.get(alerts(project), server.adminToken).json()).isEmpty();
    }

    @Test
    void deleting_a_channel_removes_it_from_the_alerts_channels() {
        String project = server.createProject("channel-detach");
        String doomed = channel("Doomed");
        String kept = channel("Kept");
        ObjectNode body = alert("detached");
        body.putArray("channel_ids").add(doomed).add(kept);
        String id = created(project, body).get("id").asText();

        assertThat(server.delete("/api/v1/channels/" + doomed + "/", server.adminToken).status()).isEqualTo(204);

        JsonNode alert = server.get(alerts(project) + id + "/", server.adminToken).json();
        assertThat(alert.get("channels")).extracting(channel -> channel.get("id").asText()).containsExactly(kept);
        assertThat(alert.get("updated_at").isNull()).isTrue();
    }

    @Test
    void deleting_a_project_deletes_its_alerts() {
        String project = server.createProject("doomed-with-alerts");
        String id = created(project, alert("errors")).get("id").asText();

        assertThat(server.delete("/api/v1/projects/" + project + "/", server.adminToken).status()).isEqualTo(204);

        assertThat(storage.alerts().findById(AlertId.parse(id))).isEmpty();
        assertThat(server.get(alerts(project) + id + "/", server.adminToken).status()).isEqualTo(404);
    }

    @Test
    void a_malformed_alert_id_is_a_422_on_the_path() {
        String project = server.createProject("alert-path");

        Response refused = server.get(alerts(project) + "not-a-uuid/", server.adminToken);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(locs(refused)).containsExactly("path.alert_id");
    }

    private static ObjectNode alert(String name) {
        return JSON.createObjectNode()
                .put("name", name)
                .put("description", "errors in checkout")
                .put("query", "SELECT count(*) FROM records WHERE level = 'error'")
                .put("time_window", "PT5M")
                .put("frequency", "PT1M")
                .put("watermark", "PT0S")
                .put("notify_when", "has_matches");
    }

    private static JsonNode created(String project, ObjectNode body) {
        Response created = server.post(alerts(project), server.adminToken, body.toString());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    private static String channel(String label) {
        Response created = server.post("/api/v1/channels/", server.adminToken, "{\"label\": \"" + label + "\","
                + " \"config\": {\"type\": \"webhook\", \"format\": \"auto\", \"url\": \"" + HOOK + "\"}}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private static String alerts(String project) {
        return "/api/v1/projects/" + project + "/alerts/";
    }

    private static void assertForbidden(Response response, String scope) {
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("detail").asText()).contains(scope);
    }

    private static List<String> locs(Response response) {
        return streamOf(response.json().get("detail")).stream()
                .map(error -> String.join(".", streamOf(error.get("loc")).stream().map(JsonNode::asText).toList()))
                .toList();
    }

    private static List<String> types(Response response) {
        return streamOf(response.json().get("detail")).stream().map(error -> error.get("type").asText()).toList();
    }

    private static List<JsonNode> streamOf(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    private static JsonNode readJson(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
