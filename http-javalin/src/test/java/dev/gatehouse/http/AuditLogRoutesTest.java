package dev.gatehouse.http;

import static dev.gatehouse.http.TestServer.Response.fields;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.adapters.inmemory.InMemoryStorage;
import dev.gatehouse.http.TestServer.Response;
import dev.gatehouse.ports.in.NewProject;
import dev.gatehouse.ports.model.Organization;
import dev.gatehouse.ports.model.OrganizationId;
import dev.gatehouse.ports.model.Principal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AuditLogRoutesTest {

    static final String[] AUDIT_LOG_INFO_READ = {
        "id", "created_at", "organization_name", "project_name", "user_name", "action", "resource_type", "record_id",
        "ip_address"};
    static final String[] AUDIT_LOG_DETAIL_READ = {
        "id", "created_at", "organization_name", "project_name", "user_name", "action", "resource_type", "record_id",
        "ip_address", "metadata"};

    private static final String LIST = "/api/v1/audit-logs/";
    private static final ObjectMapper JSON = new ObjectMapper();

    static InMemoryStorage storage;
    static TestServer server;
    static Instant started;

    @BeforeAll
    static void start() {
        started = Instant.now().minusSeconds(1);
        storage = InMemoryStorage.create();
        server = TestServer.start(TestServer.UNTHROTTLED, UnaryOperator.identity(),
                builder -> builder.storage(storage).failedLoginWindow(Duration.ofMillis(50)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void creating_renaming_and_deleting_a_project_are_listed_and_detailed_with_their_downgrade_patches() {
        String id = server.post("/api/v1/projects/", server.adminToken,
                "{\"project_name\": \"audited-one\", \"description\": \"first\"}").json().get("id").asText();
        assertThat(server.put("/api/v1/projects/" + id + "/", server.adminToken,
                "{\"project_name\": \"audited-two\", \"description\": null, \"visibility\": \"private\"}").status())
                .isEqualTo(200);

        JsonNode update = detail(only(entriesOf(id, "UPDATE")));
        assertThat(fields(update)).containsExactlyInAnyOrder(AUDIT_LOG_DETAIL_READ);
        assertThat(update.get("project_name").asText()).isEqualTo("audited-two");
        assertThat(update.get("metadata")).isEqualTo(json("""
                {"changes": {
                   "project_name": {"old": "audited-one", "new": "audited-two"},
                   "description": {"old": "first", "new": null},
                   "visibility": {"old": "public", "new": "private"}},
                 "downgrade_patches": [
                   {"op": "replace", "path": "/project_name", "value": "audited-one"},
                   {"op": "add", "path": "/description", "value": "first"},
                   {"op": "replace", "path": "/visibility", "value": "public"}]}"""));

        assertThat(server.delete("/api/v1/projects/" + id + "/", server.adminToken).status()).isEqualTo(204);

        JsonNode insert = detail(only(entriesOf(id, "INSERT")));
        assertThat(insert.get("project_name").isNull()).isTrue();
        assertThat(insert.get("metadata")).isEqualTo(json("""
                {"changes": {
                   "project_name": {"old": null, "new": "audited-one"},
                   "description": {"old": null, "new": "first"},
                   "visibility": {"old": null, "new": "public"},
                   "environment": {"old": null, "new": "production"}},
                 "downgrade_patches": [{"op": "remove", "path": ""}]}"""));
        JsonNode delete = detail(only(entriesOf(id, "DELETE")));
        assertThat(delete.get("metadata")).isEqualTo(json("""
                {"changes": {
                   "project_name": {"old": "audited-two", "new": null},
                   "visibility": {"old": "private", "new": null},
                   "environment": {"old": "production", "new": null}},
                 "downgrade_patches": [{"op": "add", "path": "", "value": {
                   "project_name": "audited-two", "visibility": "private", "environment": "production"}}]}"""));
        for (JsonNode entry : List.of(insert, update, delete)) {
            assertThat(entry.get("organization_name").asText()).isEqualTo("acme");
            assertThat(entry.get("user_name").asText()).isEqualTo("admin");
            assertThat(entry.get("resource_type").asText()).isEqualTo("project");
            assertThat(entry.get("record_id").asText()).isEqualTo(id);
            assertThat(entry.get("ip_address").isNull()).isTrue();
            assertThat(entry.get("created_at").asText()).matches(ProjectRoutesTest.UTC_TIMESTAMP);
        }
    }

    @Test
    void the_list_answers_the_info_fields_oldest_first_within_the_half_open_window() throws InterruptedException {
        String id = server.createProject("windowed");
        Thread.sleep(5);
        Instant between = Instant.now();
        Thread.sleep(5);
        server.put("/api/v1/projects/" + id + "/", server.adminToken, "{\"description\": \"later\"}");

        Response all = server.get(LIST + "?start_time=" + started, server.adminToken);
        Response before = server.get(LIST + "?start_time=" + started + "&end_time=" + between, server.adminToken);
        Response after = server.get(LIST + "?start_time=" + between, server.adminToken);

        assertThat(all.status()).isEqualTo(200);
        List<String> actions = new ArrayList<>();
        Instant previous = Instant.EPOCH;
        for (JsonNode entry : all.json()) {
            assertThat(fields(entry)).containsExactlyInAnyOrder(AUDIT_LOG_INFO_READ);
            Instant created = Instant.parse(entry.get("created_at").asText());
            assertThat(created).isAfterOrEqualTo(previous);
            previous = created;
            if (entry.get("record_id").asText().equals(id)) {
                actions.add(entry.get("action").asText());
            }
        }
        assertThat(actions).containsExactly("INSERT", "UPDATE");
        assertThat(actionsOf(before, id)).containsExactly("INSERT");
        assertThat(actionsOf(after, id)).containsExactly("UPDATE");
    }

    @Test
    void the_action_filter_keeps_one_action_and_an_action_never_recorded_finds_nothing() {
        String id = server.createProject("filtered");
        server.put("/api/v1/projects/" + id + "/", server.adminToken, "{\"description\": \"filtered\"}");

        Response updates = server.get(LIST + "?start_time=" + started + "&action=UPDATE", server.adminToken);
        Response views = server.get(LIST + "?start_time=" + started + "&action=VIEW", server.adminToken);

        assertThat(updates.status()).isEqualTo(200);
        assertThat(updates.json()).allSatisfy(entry -> assertThat(entry.get("action").asText()).isEqualTo("UPDATE"));
        assertThat(actionsOf(updates, id)).containsExactly("UPDATE");
        assertThat(views.status()).isEqualTo(200);
        assertThat(views.json()).isEmpty();
    }

    @Test
    void a_window_over_ninety_days_is_a_400() {
        Instant start = Instant.parse("2030-01-01T00:00:00Z");

        Response ninetyDays = server.get(LIST + "?start_time=" + start + "&end_time=" + start.plus(Duration.ofDays(90)),
                server.adminToken);
        Response longer = server.get(LIST + "?start_time=" + start + "&end_time="
                + start.plus(Duration.ofDays(90)).plusSeconds(1), server.adminToken);
        Response untilNow = server.get(LIST + "?start_time=" + Instant.now().minus(Duration.ofDays(91)),
                server.adminToken);

        assertThat(ninetyDays.status()).isEqualTo(200);
        for (Response refused : List.of(longer, untilNow)) {
            assertThat(refused.status()).isEqualTo(400);
            assertThat(fields(refused.json())).containsExactly("detail");
            assertThat(refused.json().get("detail").asText()).isEqualTo("The time range cannot exceed 90 days");
        }
    }

    @Test
    void missing_or_malformed_parameters_are_422_at_their_query_location() {
        assertValidationError(server.get(LIST, server.adminToken), "missing", List.of("query", "start_time"));
        assertValidationError(server.get(LIST + "?end_time=" + started, server.adminToken), "missing",
                List.of("query", "start_time"));
        assertValidationError(server.get(LIST + "?start_time=yesterday", server.adminToken),
                "datetime_from_date_parsing", List.of("query", "start_time"));
        assertValidationError(server.get(LIST + "?start_time=" + started + "&end_time=soon", server.adminToken),
                "datetime_from_date_parsing", List.of("query", "end_time"));
        assertValidationError(server.get(LIST + "?start_time=" + started + "&action=insert", server.adminToken),
                "literal_error", List.of("query", "action"));
        assertValidationError(server.get(LIST + "?start_time=" + started + "&end_time=" + started.minusSeconds(1),
                server.adminToken), "value_error", List.of("query", "end_time"));
        assertValidationError(server.get(LIST + "not-a-uuid/", server.adminToken), "uuid_parsing",
                List.of("path", "audit_log_id"));

        assertValidationError(server.get(LIST + "?start_time=-5000-01-01T00:00:00Z&end_time=-4999-12-31T00:00:00Z",
                server.adminToken), "datetime_from_date_parsing", List.of("query", "start_time"));
        assertValidationError(server.get(LIST + "?start_time=" + started + "&end_time=999999999999999999",
                server.adminToken), "datetime_from_date_parsing", List.of("query", "end_time"));

        Response both = server.get(LIST + "?start_time=later&action=NOPE", server.adminToken);
        assertThat(both.json().get("detail")).hasSize(2);
        assertThat(server.get(LIST + "?start_time=" + started.getEpochSecond(), server.adminToken).status())
                .isEqualTo(200);
    }

    @Test
    void reading_needs_the_auditlog_scope() {
        String reader = server.createApiKey(null, "project:read", "organization:read");
        String anyId = only(server.get(LIST + "?start_time=" + started, server.adminToken).json());

        for (Response refused : List.of(server.get(LIST + "?start_time=" + started, reader),
                server.get(LIST + anyId + "/", reader))) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.json().get("detail").asText()).contains("organization:auditlog");
        }
        String auditor = server.createApiKey(null, "organization:auditlog");
        assertThat(server.get(LIST + anyId + "/", auditor).status()).isEqualTo(200);
        assertThat(server.get(LIST + "?start_time=" + started, null).status()).isEqualTo(401);
    }

    @Test
    void another_organizations_entry_and_an_unknown_id_are_404() {
        Organization other = new Organization(OrganizationId.random(), "elsewhere", Instant.now());
        storage.transactions().run(() -> storage.organizations().insert(other));
        String theirs = server.gatehouse.projects().create(Principal.operator(other.id()), NewProject.named("theirs"))
                .id().toString();
        String theirEntry = storage.audit().list(other.id(), Instant.EPOCH, Instant.now().plusSeconds(60), null, 10)
                .get(0).id().toString();

        Response foreign = server.get(LIST + theirEntry + "/", server.adminToken);
        Response unknown = server.get(LIST + UUID.randomUUID() + "/", server.adminToken);
        Response listed = server.get(LIST + "?start_time=" + started, server.adminToken);

        assertThat(foreign.status()).isEqualTo(404);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(fields(foreign.json())).containsExactly("detail");
        assertThat(foreign.json()).isEqualTo(unknown.json());
        assertThat(listed.json()).noneSatisfy(entry -> assertThat(entry.get("record_id").asText()).isEqualTo(theirs));
    }

    @Test
    void refused_tokens_appear_as_failed_logins_once_the_window_is_flushed() throws InterruptedException {
        JsonNode created = server.post("/api/v1/api-keys/", server.adminToken,
                "{\"name\": \"soon revoked\", \"scopes\": [\"project:read\"]}").json();
        String revokedToken = created.get("token").asText();
        String revokedId = created.get("api_key").get("id").asText();
        assertThat(server.delete("/api/v1/api-keys/" + revokedId + "/", server.adminToken).status()).isEqualTo(204);

        for (String token : List.of("garbage-1", "garbage-2", "garbage-3", revokedToken, revokedToken)) {
            assertThat(server.get("/api/v1/projects/", token).status()).isEqualTo(401);
        }

        List<JsonNode> failedLogins = awaitFailedLogins(3 + 2);
        long malformed = 0;
        long revoked = 0;
        for (JsonNode entry : failedLogins) {
            assertThat(entry.get("resource_type").asText()).isEqualTo("credential");
            assertThat(entry.get("record_id").isNull()).isTrue();
            assertThat(entry.get("user_name").isNull()).isTrue();
            JsonNode metadata = detail(entry.get("id").asText()).get("metadata");
            assertThat(metadata.get("downgrade_patches")).isEmpty();
            assertThat(metadata.get("changes").has("window_start")).isTrue();
            assertThat(metadata.get("changes").has("window_end")).isTrue();
            malformed += count(metadata, "malformed");
            revoked += count(metadata, "revoked");
        }
        assertThat(malformed).isEqualTo(3);
        assertThat(revoked).isEqualTo(2);
    }

    /** The FAILED_LOGIN entries, once they count {@code refusals} in all. */
    private static List<JsonNode> awaitFailedLogins(long refusals) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            List<JsonNode> entries = new ArrayList<>();
            server.get(LIST + "?start_time=" + started + "&action=FAILED_LOGIN", server.adminToken).json()
                    .forEach(entries::add);
            long counted = 0;
            for (JsonNode entry : entries) {
                JsonNode changes = detail(entry.get("id").asText()).get("metadata");
                counted += count(changes, "malformed") + count(changes, "not_found") + count(changes, "revoked")
                        + count(changes, "expired");
            }
            if (counted >= refusals || System.nanoTime() > deadline) {
                return entries;
            }
            Thread.sleep(20);
        }
    }

    private static long count(JsonNode metadata, String reason) {
        JsonNode change = metadata.get("changes").get(reason);
        return change == null ? 0 : Long.parseLong(change.get("new").asText());
    }

    private static List<String> actionsOf(Response list, String recordId) {
        List<String> actions = new ArrayList<>();
        for (JsonNode entry : list.json()) {
            if (entry.get("record_id").asText().equals(recordId)) {
                actions.add(entry.get("action").asText());
            }
        }
        return actions;
    }

    @Test
    void a_variables_rollout_and_overrides_are_recorded_as_the_api_shows_them() throws Exception {
        String project = server.createProject("audited-variable");
        Response created = server.post("/api/v1/projects/" + project + "/variables/", server.adminToken,
                VariableRoutesTest.FULL);
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        JsonNode changes = detail(only(entriesOf(created.json().get("id").asText(), "INSERT")))
                .get("metadata").get("changes");

        assertThat(JSON.readTree(changes.get("rollout").get("new").asText())).isEqualTo(created.json().get("rollout"));
        assertThat(JSON.readTree(changes.get("overrides").get("new").asText()))
                .isEqualTo(created.json().get("overrides"));
    }

    private static List<String> entriesOf(String recordId, String action) {
        List<String> ids = new ArrayList<>();
        for (JsonNode entry : server.get(LIST + "?start_time=" + started + "&action=" + action, server.adminToken)
                .json()) {
            if (entry.get("record_id").asText().equals(recordId)) {
                ids.add(entry.get("id").asText());
            }
        }
        return ids;
    }

    private static JsonNode detail(String id) {
        Response response = server.get(LIST + id + "/", server.adminToken);
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    private static String only(List<String> ids) {
        assertThat(ids).hasSize(1);
        return ids.get(0);
    }

    private static String only(JsonNode list) {
        assertThat(list.size()).isPositive();
        return list.get(0).get("id").asText();
    }

    private static void assertValidationError(Response response, String type, List<Object> loc) {
        assertThat(response.status()).isEqualTo(422);
        JsonNode error = response.json().get("detail").get(0);
        assertThat(error.get("type").asText()).isEqualTo(type);
        assertThat(JSON.convertValue(error.get("loc"), List.class)).isEqualTo(loc);
        assertThat(error.get("msg").asText()).isNotBlank();
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
