package dev.gatehouse.http;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValidationTest {

    static TestServer server;
    static String projectId;
    static String tokenId;
    static String apiKeyId;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        projectId = server.createProject("validated");
        tokenId = server.post(tokens(), server.adminToken, null).json().get("id").asText();
        apiKeyId = server.post("/api/v1/api-keys/", server.adminToken, "{\"name\": \"validated\", \"scopes\": [\"project:read\"]}")
                .json().get("api_key").get("id").asText();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"project_name\": ", "{\"project_name\": \"x\",}", "{project_name: 1}", "{} trailing"})
    void malformed_json_is_json_invalid_at_a_position(String body) {
        Response response = unchanged(() -> server.post("/api/v1/projects/", server.adminToken, body));

        JsonNode error = only(response);
        assertThat(error.get("type").asText()).isEqualTo("json_invalid");
        assertThat(error.get("loc").get(0).asText()).isEqualTo("body");
        assertThat(error.get("loc").get(1).isIntegralNumber()).isTrue();
        assertThat(error.get("msg").asText()).isNotBlank();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"a\":\"\ud83d\ude00\ud83d\ude00\" , }|12",
        "{\"a\": \"\u00e9\u00e9\u00e9\", ]|13",
    })
    void a_json_fault_is_located_in_characters_as_python_locates_it(String body, int position) {
        Response response = unchanged(() -> server.post("/api/v1/projects/", server.adminToken, body));

        assertThat(only(response).get("loc").get(1).asInt()).isEqualTo(position);
    }

    @Test
    void wrong_types_are_all_reported_with_their_input() {
        Response response = unchanged(() -> server.post("/api/v1/projects/", server.adminToken,
                "{\"project_name\": 123, \"description\": false, \"visibility\": 7}"));

        assertThat(response.status()).isEqualTo(422);
        assertThat(error(response, "string_type", "body", "project_name").get("input").asInt()).isEqualTo(123);
        assertThat(error(response, "string_type", "body", "description").get("input").asBoolean()).isFalse();
        assertThat(error(response, "literal_error", "body", "visibility").get("input").asInt()).isEqualTo(7);
    }

    @Test
    void an_unknown_enum_value_names_the_expected_ones() {
        Response response = unchanged(() -> server.post("/api/v1/projects/", server.adminToken,
                "{\"project_name\": \"fine-name\", \"visibility\": \"secret\"}"));

        JsonNode error = error(response, "literal_error", "body", "visibility");
        assertThat(error.get("input").asText()).isEqualTo("secret");
        assertThat(error.get("msg").asText()).isEqualTo("Input should be 'private' or 'public'");
        assertThat(error.get("ctx").get("expected").asText()).isEqualTo("'private' or 'public'");
    }

    @Test
    void pattern_and_length_violations_come_from_the_rules() {
        String tooLong = "a".repeat(51);
        String longDescription = "d".repeat(501);

        Response pattern = unchanged(() -> server.post("/api/v1/projects/", server.adminToken, "{\"project_name\": \"Bad Name\"}"));
        Response shortName = unchanged(() -> server.post("/api/v1/projects/", server.adminToken, "{\"project_name\": \"a\"}"));
        Response longName = unchanged(() -> server.post("/api/v1/projects/", server.adminToken, "{\"project_name\": \"" + tooLong + "\"}"));
        Response description = unchanged(() -> server.post("/api/v1/projects/", server.adminToken,
                "{\"project_name\": \"fine-name\", \"description\": \"" + longDescription + "\"}"));
        Response update = unchanged(() -> server.put("/api/v1/projects/" + projectId + "/", server.adminToken,
                "{\"project_name\": \"UPPER\"}"));

        assertThat(error(pattern, "string_pattern_mismatch", "body", "project_name").get("input").asText()).isEqualTo("Bad Name");
        assertThat(error(shortName, "string_too_short", "body", "project_name").get("input").asText()).isEqualTo("a");
        assertThat(error(longName, "string_too_long", "body", "project_name").get("input").asText()).isEqualTo(tooLong);
        assertThat(error(description, "string_too_long", "body", "description").get("input").asText()).isEqualTo(longDescription);
        assertThat(error(update, "string_pattern_mismatch", "body", "project_name").get("input").asText()).isEqualTo("UPPER");
    }

    @Test
    void missing_fields_and_bodies_are_reported() {
        Response noName = unchanged(() -> server.post("/api/v1/projects/", server.adminToken, "{\"description\": \"x\"}"));
        Response noBody = unchanged(() -> server.post("/api/v1/projects/", server.adminToken, null));
        Response noKeyFields = unchanged(() -> server.post("/api/v1/api-keys/", server.adminToken, "{}"));

        JsonNode missingName = error(noName, "missing", "body", "project_name");
        assertThat(missingName.get("msg").asText()).isEqualTo("Field required");
        assertThat(missingName.get("input").toString()).isEqualTo("{\"description\":\"x\"}");
        assertThat(error(noBody, "missing", "body").get("input").isNull()).isTrue();
        error(noKeyFields, "missing", "body", "name");
        error(noKeyFields, "missing", "body", "scopes");
        assertThat(noKeyFields.json().get("detail")).hasSize(2);
    }

    @Test
    void a_body_that_is_not_an_object_is_refused() {
        Response array = unchanged(() -> server.post("/api/v1/projects/", server.adminToken, "[\"fine-name\"]"));

        assertThat(error(array, "model_attributes_type", "body").get("input").toString()).isEqualTo("[\"fine-name\"]");
    }

    @Test
    void invalid_uuids_in_paths_are_uuid_parsing_errors() {
        Response project = unchanged(() -> server.get("/api/v1/projects/not-a-uuid/", server.adminToken));
        Response token = unchanged(() -> server.delete(tokens() + "12345/", server.adminToken));
        Response key = unchanged(() -> server.patch("/api/v1/api-keys/zz-top/", server.adminToken, "{\"name\": \"x\"}"));
        Response both = unchanged(() -> server.patch("/api/v1/projects/p/write-tokens/t/expire/", server.adminToken, null));

        assertThat(error(project, "uuid_parsing", "path", "project_id").get("input").asText()).isEqualTo("not-a-uuid");
        assertThat(error(token, "uuid_parsing", "path", "token_id").get("input").asText()).isEqualTo("12345");
        assertThat(error(key, "uuid_parsing", "path", "api_key_id").get("input").asText()).isEqualTo("zz-top");
        error(both, "uuid_parsing", "path", "project_id");
        error(both, "uuid_parsing", "path", "token_id");
    }

    @Test
    void bad_datetimes_and_durations_are_refused() {
        Response text = unchanged(() -> server.post(tokens(), server.adminToken, "{\"expires_at\": \"tomorrow\"}"));
        Response bool = unchanged(() -> server.post(tokens(), server.adminToken, "{\"expires_at\": true}"));
        Response past = unchanged(() -> server.post(tokens(), server.adminToken, "{\"expires_at\": \"2001-01-01T00:00:00Z\"}"));
        Response grace = unchanged(() -> server.post(tokens() + tokenId + "/rotate/", server.adminToken, "{\"grace_period\": \"soon\"}"));
        Response keyExpiry = unchanged(() -> server.post("/api/v1/api-keys/", server.adminToken,
                "{\"name\": \"x\", \"scopes\": [\"project:read\"], \"expires_at\": \"31/12/2030\"}"));

        assertThat(error(text, "datetime_from_date_parsing", "body", "expires_at").get("input").asText()).isEqualTo("tomorrow");
        error(bool, "datetime_type", "body", "expires_at");
        assertThat(error(past, "value_error", "body", "expires_at").get("input").asText()).isEqualTo("2001-01-01T00:00:00Z");
        error(grace, "time_delta_parsing", "body", "grace_period");
        error(keyExpiry, "datetime_from_date_parsing", "body", "expires_at");
        assertThat(server.post(tokens(), server.adminToken, "{\"expires_at\": \"2999-01-01T00:00:00+02:00\"}")
                .json().get("expires_at").asText()).isEqualTo("2998-12-31T22:00:00Z");
    }

    @Test
    void numbers_beyond_a_double_are_refused_as_bad_datetimes_and_durations() {
        Response expiry = unchanged(() -> server.post(tokens(), server.adminToken, "{\"expires_at\": 1e999}"));
        Response keyExpiry = unchanged(() -> server.post("/api/v1/api-keys/", server.adminToken,
                "{\"name\": \"x\", \"scopes\": [\"project:read\"], \"expires_at\": -1e999}"));
        Response grace = unchanged(() -> server.post(tokens() + tokenId + "/rotate/", server.adminToken,
                "{\"grace_period\": 1e999}"));

        error(expiry, "datetime_parsing", "body", "expires_at");
        error(keyExpiry, "datetime_parsing", "body", "expires_at");
        error(grace, "time_delta_parsing", "body", "grace_period");
    }

    @Test
    void datetimes_lie_in_the_years_1_to_9999_and_unix_times_beyond_2e10_are_milliseconds() {
        Response farText = unchanged(() -> server.post(tokens(), server.adminToken,
                "{\"expires_at\": \"+300000-01-01T00:00:00Z\"}"));
        Response farNumber = unchanged(() -> server.post("/api/v1/api-keys/", server.adminToken,
                "{\"name\": \"x\", \"scopes\": [\"project:read\"], \"expires_at\": 1e17}"));
        Response afterYear9999 = unchanged(() -> server.post(tokens(), server.adminToken,
                "{\"expires_at\": \"10000-01-01\"}"));

        assertThat(error(farText, "datetime_from_date_parsing", "body", "expires_at").get("ctx").get("error")
                .asText()).contains("years 1 to 9999");
        assertThat(error(farNumber, "datetime_parsing", "body", "expires_at").get("ctx").get("error").asText())
                .contains("after year 9999");
        error(afterYear9999, "datetime_from_date_parsing", "body", "expires_at");
        assertThat(server.post(tokens(), server.adminToken, "{\"expires_at\": 20000000000}").json()
                .get("expires_at").asText()).isEqualTo("2603-10-11T11:33:20Z");
        assertThat(server.post(tokens(), server.adminToken, "{\"expires_at\": 10000000000000}").json()
                .get("expires_at").asText()).isEqualTo("2286-11-20T17:46:40Z");
        assertThat(server.post(tokens(), server.adminToken, "{\"expires_at\": \"9999-12-31T23:59:59.999999Z\"}")
                .json().get("expires_at").asText()).isEqualTo("9999-12-31T23:59:59.999999Z");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2999-01-01 10:00:00           | 2999-01-01T10:00:00Z",
        "2999-01-01t10:00z             | 2999-01-01T10:00:00Z",
        "2999-01-01T10:00:00.5+0100    | 2999-01-01T09:00:00.500000Z",
        "2999-01-01T10:00:00,123456789 | 2999-01-01T10:00:00.123456Z",
        "4102444800                    | 2100-01-01T00:00:00Z",
        "4102444800.25                 | 2100-01-01T00:00:00.250000Z",
    })
    void datetimes_are_read_and_written_as_pydantic_reads_and_writes_them(String given, String answered) {
        Response created = server.post(tokens(), server.adminToken, "{\"expires_at\": \"" + given + "\"}");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("expires_at").asText()).isEqualTo(answered);
    }

    @Test
    void nulls_where_the_reference_allows_none_are_refused_as_pydantic_refuses_them() {
        Response visibility = unchanged(() -> server.post("/api/v1/projects/", server.adminToken,
                "{\"project_name\": \"nullvis\", \"visibility\": null}"));
        Response baseUrl = unchanged(() -> server.post("/api/v1/channels/", server.adminToken,
                "{\"label\": \"g\", \"config\": {\"type\": \"opsgenie\", \"auth_key\": \"k\", \"base_url\": null}}"));
        Response nullTag = unchanged(() -> server.post("/api/v1/channels/", server.adminToken,
                "{\"label\": \"g\", \"config\": {\"type\": null}}"));
        Response numberTag = unchanged(() -> server.post("/api/v1/channels/", server.adminToken,
                "{\"label\": \"g\", \"config\": {\"type\": 0}}"));

        assertThat(error(visibility, "literal_error", "body", "visibility").get("input").isNull()).isTrue();
        error(baseUrl, "string_type", "body", "config", "opsgenie", "base_url");
        assertThat(error(nullTag, "union_tag_invalid", "body", "config").get("ctx").get("tag").asText())
                .isEqualTo("None");
        assertThat(error(numberTag, "union_tag_invalid", "body", "config").get("msg").asText())
                .startsWith("Input tag '0' found using 'type'");
    }

    @Test
    void constraint_errors_are_reported_together_with_type_errors_as_pydantic_reports_them() {
        String longDescription = "x".repeat(501);
        Response project = unchanged(() -> server.post("/api/v1/projects/", server.adminToken,
                "{\"project_name\": \"A\", \"description\": \"" + longDescription + "\", \"visibility\": \"secret\"}"));
        Response renamed = unchanged(() -> server.put("/api/v1/projects/" + projectId + "/", server.adminToken,
                "{\"project_name\": \"Bad Name\", \"description\": \"" + longDescription + "\"}"));
        Response key = unchanged(() -> server.post("/api/v1/api-keys/", server.adminToken,
                "{\"name\": \"\", \"scopes\": []}"));

        assertThat(types(project)).containsExactlyInAnyOrder("string_too_short", "string_too_long", "literal_error");
        assertThat(types(renamed)).containsExactlyInAnyOrder("string_pattern_mismatch", "string_too_long");
        assertThat(types(key)).containsExactlyInAnyOrder("string_too_short", "too_short");
    }

    @Test
    void project_name_lengths_count_code_points() {
        Response oneEmoji = unchanged(() -> server.post("/api/v1/projects/", server.adminToken,
                "{\"project_name\": \"\ud83d\ude00\"}"));

        error(oneEmoji, "string_too_short", "body", "project_name");
    }

    @Test
    void unknown_scopes_and_ids_in_an_api_key_body_are_refused() {
        Response scope = unchanged(() -> server.post("/api/v1/api-keys/", server.adminToken,
                "{\"name\": \"x\", \"scopes\": [\"project:read\", \"project:fly\"]}"));
        Response notList = unchanged(() -> server.post("/api/v1/api-keys/", server.adminToken,
                "{\"name\": \"x\", \"scopes\": \"project:read\"}"));
        Response empty = unchanged(() -> server.post("/api/v1/api-keys/", server.adminToken, "{\"name\": \"x\", \"scopes\": []}"));
        Response project = unchanged(() -> server.post("/api/v1/api-keys/", server.adminToken,
                "{\"name\": \"x\", \"scopes\": [\"project:read\"], \"project_id\": \"nope\"}"));
        Response nullName = unchanged(() -> server.patch("/api/v1/api-keys/" + apiKeyId + "/", server.adminToken, "{\"name\": null}"));

        assertThat(error(scope, "enum", "body", "scopes", "1").get("input").asText()).isEqualTo("project:fly");
        error(notList, "list_type", "body", "scopes");
        error(empty, "too_short", "body", "scopes");
        error(project, "uuid_parsing", "body", "project_id");
        error(nullName, "string_type", "body", "name");
    }

    @Test
    void token_creation_accepts_an_empty_or_null_body() {
        assertThat(server.post(tokens(), server.adminToken, "").status()).isEqualTo(201);
        assertThat(server.post(tokens(), server.adminToken, "{}").status()).isEqualTo(201);
        assertThat(server.post(tokens(), server.adminToken, "null").status()).isEqualTo(201);
    }

    /** Runs a failing request and checks it changed none of the projects, tokens or API keys. */
    @Test
    void a_caller_without_the_routes_scope_gets_its_403_before_the_body_is_validated() {
        String reader = server.createApiKey(null, "project:read");
        String writeToken = server.post(tokens(), server.adminToken, null).json().get("token").asText();

        Response apiKey = server.post("/api/v1/api-keys/", reader, "{}");
        Response alert = server.post("/api/v1/projects/" + projectId + "/alerts/", writeToken, "{\"name\": 5}");

        assertThat(apiKey.status()).as(apiKey.body()).isEqualTo(403);
        assertThat(apiKey.body()).contains("organization:create_api_key").doesNotContain("Field required");
        assertThat(alert.status()).as(alert.body()).isEqualTo(403);
        assertThat(alert.body()).contains("project:write_alert").doesNotContain("string_type");
    }

    @Test
    void a_length_limit_counts_characters_as_pydantic_does_not_utf16_units() {
        String emoji = "\uD83D\uDE00";

        Response fits = server.post("/api/v1/projects/", server.adminToken,
                "{\"project_name\": \"emoji-desc\", \"description\": \"" + emoji.repeat(500) + "\"}");
        Response over = unchanged(() -> server.post("/api/v1/projects/", server.adminToken,
                "{\"project_name\": \"emoji-over\", \"description\": \"" + emoji.repeat(501) + "\"}"));

        assertThat(fits.status()).as(fits.body()).isEqualTo(201);
        assertThat(fits.json().get("description").asText()).isEqualTo(emoji.repeat(500));
        error(over, "string_too_long", "body", "description");
    }

    @Test
    void a_nul_character_anywhere_in_a_body_is_a_422_at_each_place_and_nothing_is_written() {
        Response project = unchanged(() -> server.post("/api/v1/projects/", server.adminToken,
                "{\"project_name\": \"web\\u0000app\", \"description\": \"fine\"}"));
        Response apiKey = unchanged(() -> server.post("/api/v1/api-keys/", server.adminToken,
                "{\"name\": \"nul\", \"scopes\": [\"project:read\", \"project:read\\u0000\"],"
                        + " \"claims\": {\"x\\u0000\": {\"cache_enabled\": \"\\u0000\"}}}"));

        JsonNode name = only(project);
        assertThat(name.get("type").asText()).isEqualTo("value_error");
        assertThat(name.get("loc")).hasToString("[\"body\",\"project_name\"]");
        assertThat(name.get("msg").asText()).isEqualTo(NulCharacters.MESSAGE);
        assertThat(name.get("input").isNull()).as("the text, which may be a secret, is never echoed").isTrue();
        assertThat(apiKey.json().get("detail")).hasSize(3);
        error(apiKey, "value_error", "body", "scopes", "1");
        error(apiKey, "value_error", "body", "claims", "x\u0000");
        error(apiKey, "value_error", "body", "claims", "x\u0000", "cache_enabled");
    }

    @Test
    void a_nul_character_in_a_path_is_refused_before_any_route_reads_it() {
        Response response = server.get("/api/v1/projects/" + projectId + "/variables/a%00b/", server.adminToken);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"detail\":\"Bad Request\"}");
    }

    private static Response unchanged(Supplier<Response> request) {
        List<String> before = state();
        Response response = request.get();
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.header("X-Request-Id")).isNotBlank();
        assertThat(state()).isEqualTo(before);
        return response;
    }

    private static List<String> state() {
        List<String> state = new ArrayList<>();
        state.add(server.get("/api/v1/projects/", server.adminToken).body());
        state.add(server.get(tokens(), server.adminToken).body());
        state.add(server.get("/api/v1/api-keys/", server.adminToken).body().replaceAll("\"last_used_at\":\"[^\"]*\"", ""));
        return state;
    }

    private static JsonNode only(Response response) {
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("detail")).hasSize(1);
        return response.json().get("detail").get(0);
    }

    /** The validation error of {@code type} at {@code loc}, checking its shape on the way. */
    private static JsonNode error(Response response, String type, String... loc) {
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        for (JsonNode error : response.json().get("detail")) {
            assertThat(error.has("type") && error.has("loc") && error.has("msg") && error.has("input")).isTrue();
            List<String> actualLoc = new ArrayList<>();
            error.get("loc").forEach(part -> actualLoc.add(part.asText()));
            if (error.get("type").asText().equals(type) && actualLoc.equals(List.of(loc))) {
                return error;
            }
        }
        throw new AssertionError("no " + type + " error at " + List.of(loc) + " in " + response.body());
    }

    private static String tokens() {
        return "/api/v1/projects/" + projectId + "/write-tokens/";
    }

    private static List<String> types(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        List<String> types = new ArrayList<>();
        response.json().get("detail").forEach(error -> types.add(error.get("type").asText()));
        return types;
    }
}
