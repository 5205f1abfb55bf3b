package dev.gatehouse.http;

import static dev.gatehouse.http.TestServer.Response.fields;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.http.TestServer.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ChannelRoutesTest {

    static final String[] CHANNEL_READ = {"id", "organization_id", "label", "active", "created_at", "updated_at",
        "created_by_name", "updated_by_name", "config"};
    static final String COLLECTION = "/api/v1/channels/";
    static final String SLACK = "https://hooks.slack.com/services/T0000/B0000/XXXXXXXXXXXX";
    static final String SLACK_MASKED = "https://hooks.slack.com/**********";

    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void create_answers_201_with_the_reference_fields_and_the_url_masked() {
        String writer = server.createApiKey(null, "organization:write_channel");

        Response created = server.post(COLLECTION, writer, webhook("Slack", "slack-blockkit", SLACK));

        assertThat(created.status()).isEqualTo(201);
        JsonNode body = created.json();
        assertThat(fields(body)).containsExactlyInAnyOrder(CHANNEL_READ);
        assertThat(body.get("label").asText()).isEqualTo("Slack");
        assertThat(body.get("active").asBoolean()).isTrue();
        assertThat(body.get("created_at").asText()).matches(ProjectRoutesTest.UTC_TIMESTAMP);
        assertThat(body.get("updated_at").isNull()).isTrue();
        assertThat(body.get("created_by_name").asText()).isEqualTo("test key");
        assertThat(body.get("updated_by_name").isNull()).isTrue();
        assertThat(body.get("organization_id").asText())
                .isEqualTo(server.gatehouse.organizations().all().get(0).id().toString());
        assertThat(body.get("config").toString()).isEqualTo(
                "{\"type\":\"webhook\",\"format\":\"slack-blockkit\",\"url\":\"" + SLACK_MASKED + "\"}");
        assertThat(created.body()).doesNotContain("services/T0000");
    }

    @Test
    void every_config_type_is_created_and_read_with_its_secret_masked() {
        String member = UUID.randomUUID().toString();

        JsonNode opsgenie = created("{\"label\": \"Opsgenie\", \"config\": {\"type\": \"opsgenie\","
                + " \"auth_key\": \"abcd1234efgh\"}}");
        JsonNode opsgenieEu = created("{\"label\": \"Opsgenie EU\", \"config\": {\"type\": \"opsgenie\","
                + " \"auth_key\": \"abcd1234efgh\", \"base_url\": \"https://api.eu.opsgenie.com\"}}");
        JsonNode pagerDuty = created("{\"label\": \"PagerDuty\", \"config\": {\"type\": \"pagerduty\","
                + " \"routing_key\": \"R0123456789abcdefWXYZ\", \"region\": \"eu\"}}");
        JsonNode notification = created("{\"label\": \"Members\", \"config\": {\"type\": \"notification\","
                + " \"recipients\": [\"" + member + "\"]}}");
        JsonNode email = created("{\"label\": \"Mail\", \"config\": {\"type\": \"email\","
                + " \"recipients\": [\"ops@example.com\", \"oncall@example.org\"]}}");

        assertThat(opsgenie.get("config").toString()).isEqualTo("{\"type\":\"opsgenie\",\"auth_key\":\"**********efgh\"}");
        assertThat(opsgenieEu.get("config").toString()).isEqualTo("{\"type\":\"opsgenie\",\"auth_key\":\"**********efgh\","
                + "\"base_url\":\"https://api.eu.opsgenie.com\"}");
        assertThat(pagerDuty.get("config").toString()).isEqualTo(
                "{\"type\":\"pagerduty\",\"routing_key\":\"**********WXYZ\",\"region\":\"eu\"}");
        assertThat(notification.get("config").toString()).isEqualTo(
                "{\"type\":\"notification\",\"recipients\":[\"" + member + "\"]}");
        assertThat(email.get("config").toString()).isEqualTo(
                "{\"type\":\"email\",\"recipients\":[\"ops@example.com\",\"oncall@example.org\"]}");
        Response list = server.get(COLLECTION, server.adminToken);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json()).allSatisfy(channel -> assertThat(fields(channel)).containsExactlyInAnyOrder(CHANNEL_READ));
        assertThat(list.body()).doesNotContain("abcd1234").doesNotContain("R0123456789");
        assertThat(server.get(COLLECTION + pagerDuty.get("id").asText() + "/", server.adminToken).json())
                .isEqualTo(pagerDuty);
    }

    @Test
    void put_is_a_partial_update_and_an_empty_url_keeps_the_stored_one() {
        String id = created(webhook("Before", "slack-blockkit", SLACK)).get("id").asText();
        String path = COLLECTION + id + "/";

        Response renamed = server.put(path, server.adminToken, "{\"label\": \"After\", \"active\": false}");
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(fields(renamed.json())).containsExactlyInAnyOrder(CHANNEL_READ);
        assertThat(renamed.json().get("label").asText()).isEqualTo("After");
        assertThat(renamed.json().get("active").asBoolean()).isFalse();
        assertThat(renamed.json().get("updated_at").asText()).matches(ProjectRoutesTest.UTC_TIMESTAMP);
        assertThat(renamed.json().get("updated_by_name").asText()).isEqualTo("admin");
        assertThat(renamed.json().get("config").get("url").asText()).isEqualTo(SLACK_MASKED);

        Response kept = server.put(path, server.adminToken,
                "{\"label\": null, \"config\": {\"type\": \"webhook\", \"format\": \"raw-data\", \"url\": \"\"}}");
        assertThat(kept.status()).isEqualTo(200);
        assertThat(kept.json().get("label").asText()).isEqualTo("After");
        assertThat(kept.json().get("active").asBoolean()).isFalse();
        assertThat(kept.json().get("config").toString())
                .isEqualTo("{\"type\":\"webhook\",\"format\":\"raw-data\",\"url\":\"" + SLACK_MASKED + "\"}");

        Response replaced = server.put(path, server.adminToken,
                "{\"config\": {\"type\": \"webhook\", \"format\": \"auto\", \"url\": \"http://alerts.example.com:8080/in\"}}");
        assertThat(replaced.json().get("config").get("url").asText()).isEqualTo("http://alerts.example.com:8080/**********");
        assertThat(server.get(path, server.adminToken).json()).isEqualTo(replaced.json());
    }

    @Test
    void a_nul_character_in_a_secret_is_refused_without_echoing_the_secret() {
        Response response = unchanged(() -> server.post(COLLECTION, server.adminToken,
                webhook("Nul", "auto", SLACK + "\\u0000")));

        assertThat(response.body()).contains("NUL character").doesNotContain("services/T0000");
    }

    @Test
    void a_config_written_back_as_read_keeps_its_secret() {
        JsonNode created = created("{\"label\": \"Paging\", \"config\": {\"type\": \"pagerduty\","
                + " \"routing_key\": \"0123456789abcdefWXYZ\", \"region\": \"eu\"}}");
        String path = COLLECTION + created.get("id").asText() + "/";

        Response written = server.put(path, server.adminToken,
                "{\"label\": \"Paged\", \"config\": " + created.get("config") + "}");
        Response copied = server.post(COLLECTION, server.adminToken,
                "{\"label\": \"Copy\", \"config\": " + created.get("config") + "}");

        assertThat(written.status()).as(written.body()).isEqualTo(200);
        assertThat(written.json().get("config")).isEqualTo(created.get("config"));
        assertThat(copied.status()).as(copied.body()).isEqualTo(422);
        assertThat(copied.body()).contains("is masked as Gatehouse shows it").doesNotContain("0123456789");
    }

    @Test
    void delete_answers_204_and_the_channel_is_gone() {
        String id = created(webhook("Doomed", "auto", SLACK)).get("id").asText();

        Response deleted = server.delete(COLLECTION + id + "/", server.adminToken);

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(server.get(COLLECTION + id + "/", server.adminToken).status()).isEqualTo(404);
        assertThat(server.delete(COLLECTION + id + "/", server.adminToken).status()).isEqualTo(404);
        assertThat(server.get(COLLECTION, server.adminToken).body()).doesNotContain(id);
    }

    @Test
    void an_unknown_channel_is_a_404() {
        String path = COLLECTION + UUID.randomUUID() + "/";

        assertThat(server.get(path, server.adminToken).status()).isEqualTo(404);
        assertThat(server.put(path, server.adminToken, "{\"label\": \"x\"}").status()).isEqualTo(404);
        assertThat(server.delete(path, server.adminToken).status()).isEqualTo(404);
        assertThat(server.get(path, server.adminToken).json().get("detail").asText()).isEqualTo("Channel not found");
    }

    @Test
    void a_missing_scope_is_a_403_naming_it_and_changes_nothing() {
        String id = created(webhook("Guarded", "auto", SLACK)).get("id").asText();
        String path = COLLECTION + id + "/";
        String reader = server.createApiKey(null, "organization:read_channel");
        String neither = server.createApiKey(null, "project:read");

        Response list = unchanged(() -> server.get(COLLECTION, neither));
        Response get = unchanged(() -> server.get(path, neither));
        Response create = unchanged(() -> server.post(COLLECTION, reader, webhook("x", "auto", SLACK)));
        Response update = unchanged(() -> server.put(path, reader, "{\"label\": \"x\"}"));
        Response delete = unchanged(() -> server.delete(path, reader));

        for (Response response : List.of(list, get)) {
            assertThat(response.status()).isEqualTo(403);
            assertThat(response.json().get("detail").asText()).contains("organization:read_channel");
        }
        for (Response response : List.of(create, update, delete)) {
            assertThat(response.status()).isEqualTo(403);
            assertThat(response.json().get("detail").asText()).contains("organization:write_channel");
        }
        assertThat(server.get(path, reader).status()).isEqualTo(200);
    }

    @Test
    void a_url_that_is_not_http_or_https_is_a_422_at_its_location_and_nothing_is_stored() {
        Response ftp = unchanged(() -> server.post(COLLECTION, server.adminToken,
                webhook("ftp", "auto", "ftp://user:secret@files.example.com/hook")));
        Response relative = unchanged(() -> server.post(COLLECTION, server.adminToken,
                webhook("relative", "auto", "hooks.slack.com/services/T/B/X")));

        JsonNode error = only(ftp);
        assertThat(error.get("type").asText()).isEqualTo("url_scheme");
        assertThat(error.get("loc").toString()).isEqualTo("[\"body\",\"config\",\"webhook\",\"url\"]");
        assertThat(error.get("msg").asText()).isEqualTo("URL scheme should be 'http' or 'https'");
        assertThat(error.get("input").asText()).isEqualTo("**********");
        assertThat(ftp.body()).doesNotContain("secret@").doesNotContain("files.example.com");
        assertThat(only(relative).get("type").asText()).isEqualTo("url_parsing");

        String id = created(webhook("Kept", "auto", SLACK)).get("id").asText();
        Response update = unchanged(() -> server.put(COLLECTION + id + "/", server.adminToken,
                "{\"config\": {\"type\": \"webhook\", \"format\": \"auto\", \"url\": \"file:///etc/passwd\"}}"));
        assertThat(only(update).get("loc").toString()).isEqualTo("[\"body\",\"config\",\"webhook\",\"url\"]");
    }

    @Test
    void an_unknown_or_missing_type_is_a_union_tag_error() {
        Response unknown = unchanged(() -> server.post(COLLECTION, server.adminToken,
                "{\"label\": \"x\", \"config\": {\"type\": \"carrier-pigeon\", \"url\": \"https://example.com/s3cret\"}}"));
        Response missing = unchanged(() -> server.post(COLLECTION, server.adminToken,
                "{\"label\": \"x\", \"config\": {\"url\": \"https://example.com/s3cret\"}}"));

        JsonNode invalid = only(unknown);
        assertThat(invalid.get("type").asText()).isEqualTo("union_tag_invalid");
        assertThat(invalid.get("loc").toString()).isEqualTo("[\"body\",\"config\"]");
        assertThat(invalid.get("msg").asText()).isEqualTo("Input tag 'carrier-pigeon' found using 'type' does not"
                + " match any of the expected tags: 'webhook', 'opsgenie', 'notification', 'email', 'pagerduty'");
        assertThat(invalid.get("ctx").get("tag").asText()).isEqualTo("carrier-pigeon");
        assertThat(invalid.get("ctx").get("discriminator").asText()).isEqualTo("'type'");
        assertThat(invalid.get("input").get("url").asText()).isEqualTo("**********");
        JsonNode notFound = only(missing);
        assertThat(notFound.get("type").asText()).isEqualTo("union_tag_not_found");
        assertThat(notFound.get("loc").toString()).isEqualTo("[\"body\",\"config\"]");
        assertThat(unknown.body() + missing.body()).doesNotContain("s3cret");
    }

    @Test
    void every_type_error_inside_a_config_is_reported_at_its_location() {
        Response webhook = unchanged(() -> server.post(COLLECTION, server.adminToken,
                "{\"config\": {\"type\": \"webhook\", \"format\": \"teams\"}}"));
        Response notification = unchanged(() -> server.post(COLLECTION, server.adminToken,
                "{\"label\": \"x\", \"config\": {\"type\": \"notification\", \"recipients\": [\"not-a-uuid\", 7]}}"));
        Response email = unchanged(() -> server.post(COLLECTION, server.adminToken,
                "{\"label\": \"x\", \"config\": {\"type\": \"email\", \"recipients\": [\"ops@example.com\", \"nobody\"]}}"));
        Response pagerDuty = unchanged(() -> server.post(COLLECTION, server.adminToken,
                "{\"label\": \"x\", \"config\": {\"type\": \"pagerduty\", \"routing_key\": 5, \"region\": \"ap\"}}"));
        Response noConfig = unchanged(() -> server.post(COLLECTION, server.adminToken, "{\"label\": \"x\"}"));

        error(webhook, "missing", "body", "label");
        JsonNode format = error(webhook, "enum", "body", "config", "webhook", "format");
        assertThat(format.get("msg").asText()).isEqualTo("Input should be 'auto', 'slack-blockkit', 'slack-legacy' or 'raw-data'");
        error(webhook, "missing", "body", "config", "webhook", "url");
        assertThat(webhook.json().get("detail")).hasSize(3);
        error(notification, "uuid_parsing", "body", "config", "notification", "recipients", "0");
        error(notification, "uuid_type", "body", "config", "notification", "recipients", "1");
        assertThat(error(email, "value_error", "body", "config", "email", "recipients", "1").get("input").asText())
                .isEqualTo("nobody");
        error(pagerDuty, "string_type", "body", "config", "pagerduty", "routing_key");
        error(pagerDuty, "enum", "body", "config", "pagerduty", "region");
        error(noConfig, "missing", "body", "config");
    }

    @Test
    void an_update_is_validated_and_a_failed_one_changes_nothing() {
        String opsgenie = created("{\"label\": \"Ops\", \"config\": {\"type\": \"opsgenie\", \"auth_key\": \"abcd1234efgh\"}}")
                .get("id").asText();
        String path = COLLECTION + opsgenie + "/";

        Response active = unchanged(() -> server.put(path, server.adminToken, "{\"active\": \"yes\"}"));
        Response keepNothing = unchanged(() -> server.put(path, server.adminToken,
                "{\"label\": \"renamed\", \"config\": {\"type\": \"webhook\", \"format\": \"auto\", \"url\": \"\"}}"));
        Response badId = server.put(COLLECTION + "not-a-channel/", server.adminToken, "{\"label\": \"x\"}");

        error(active, "bool_type", "body", "active");
        assertThat(error(keepNothing, "missing", "body", "config", "webhook", "url").get("msg").asText())
                .contains("not a webhook channel");
        assertThat(error(badId, "uuid_parsing", "path", "channel_id").get("input").asText()).isEqualTo("not-a-channel");
        assertThat(server.get(path, server.adminToken).json().get("label").asText()).isEqualTo("Ops");
    }

    private static String webhook(String label, String format, String url) {
        return "{\"label\": \"" + label + "\", \"config\": {\"type\": \"webhook\", \"format\": \"" + format
                + "\", \"url\": \"" + url + "\"}}";
    }

    private static JsonNode created(String body) {
        Response created = server.post(COLLECTION, server.adminToken, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    /** Runs a refused request and checks that the channels are as they were. */
    private static Response unchanged(Supplier<Response> request) {
        String before = server.get(COLLECTION, server.adminToken).body();
        Response response = request.get();
        assertThat(response.status()).as(response.body()).isIn(403, 422);
        assertThat(server.get(COLLECTION, server.adminToken).body()).isEqualTo(before);
        return response;
    }

    private static JsonNode only(Response response) {
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("detail")).hasSize(1);
        return response.json().get("detail").get(0);
    }

    /** The validation error of {@code type} at {@code loc}. */
    private static JsonNode error(Response response, String type, String... loc) {
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        for (JsonNode error : response.json().get("detail")) {
            List<String> actualLoc = new ArrayList<>();
            error.get("loc").forEach(part -> actualLoc.add(part.asText()));
            if (error.get("type").asText().equals(type) && actualLoc.equals(List.of(loc))) {
                return error;
            }
        }
        throw new AssertionError("no " + type + " error at " + List.of(loc) + " in " + response.body());
    }
}
