package dev.gatehouse.http;

import static dev.gatehouse.http.TestServer.Response.fields;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.http.TestServer.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class VariableRoutesTest {

    static final String[] VARIABLE_DEFINITION_READ = {"id", "project_id", "type_id", "type_name", "kind", "name",
        "display_name", "prompt_slug", "description", "json_schema", "template_inputs_schema", "labels",
        "latest_version", "rollout", "overrides", "aliases", "example", "external", "created_at", "updated_at",
        "created_by_name", "updated_by_name"};
    static final String[] LABEL_READ = {"id", "variable_definition_id", "label", "target_type", "target_label",
        "version_id", "version_number", "serialized_value", "updated_at", "updated_by", "updated_by_name"};
    static final String[] VERSION_READ = {"id", "variable_definition_id", "version", "serialized_value",
        "description", "created_at", "created_by", "created_by_name"};
    static final String[] VARIABLE_CONFIG = {"name", "kind", "labels", "latest_version", "rollout", "overrides",
        "description", "json_schema", "template_inputs_schema", "type_name", "aliases", "example", "display_name",
        "prompt_slug"};

    /** Two labels with values, one following the other, a latest-version weight and an override of each kind. */
    static final String FULL = "{\"name\": \"checkout_prompt\", \"description\": \"the prompt\","
            + " \"json_schema\": {\"type\": \"string\"},"
            + " \"rollout\": {\"labels\": {\"production\": 0.5, \"canary\": 0.25}, \"latest_weight\": 0.25},"
            + " \"overrides\": [{\"name\": \"beta users\", \"conditions\": ["
            + "{\"kind\": \"value-equals\", \"attribute\": \"plan\", \"value\": \"enterprise\"},"
            + "{\"kind\": \"value-does-not-equal\", \"attribute\": \"region\", \"value\": null},"
            + "{\"kind\": \"value-is-in\", \"attribute\": \"tier\", \"values\": [1, \"two\"]},"
            + "{\"kind\": \"value-is-not-in\", \"attribute\": \"tier\", \"values\": []},"
            + "{\"kind\": \"value-matches-regex\", \"attribute\": \"email\", \"pattern\": \"@example\\\\.com$\"},"
            + "{\"kind\": \"value-does-not-match-regex\", \"attribute\": \"email\", \"pattern\": \"^test\"},"
            + "{\"kind\": \"key-is-present\", \"attribute\": \"beta\"},"
            + "{\"kind\": \"key-is-not-present\", \"attribute\": \"legacy\", \"value\": \"ignored\"}],"
            + " \"rollout\": {\"labels\": {\"canary\": 1.0}}}],"
            + " \"aliases\": [\"old_prompt\"], \"example\": \"\\\"hi\\\"\","
            + " \"labels\": {\"production\": {\"target_type\": \"version\", \"serialized_value\": \"\\\"hello\\\"\"},"
            + " \"canary\": {\"target_type\": \"version\", \"serialized_value\": \"\\\"bonjour\\\"\", \"version\": 2},"
            + " \"staging\": {\"target_type\": \"label\", \"target_label\": \"production\"},"
            + " \"fallback\": {\"target_type\": \"code_default\"}}}";

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
    void create_answers_201_with_the_definition_read_fields_labels_resolved_and_the_latest_version() {
        String project = server.createProject("var-create");

        Response created = server.post(collection(project), server.adminToken, FULL);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode body = created.json();
        assertThat(fields(body)).containsExactlyInAnyOrder(VARIABLE_DEFINITION_READ);
        assertThat(body.get("project_id").asText()).isEqualTo(project);
        assertThat(body.get("kind").asText()).isEqualTo("general");
        assertThat(body.get("name").asText()).isEqualTo("checkout_prompt");
        assertThat(body.get("type_id").isNull()).isTrue();
        assertThat(body.get("json_schema").toString()).isEqualTo("{\"type\":\"string\"}");
        assertThat(body.get("template_inputs_schema").isNull()).isTrue();
        assertThat(body.get("aliases").toString()).isEqualTo("[\"old_prompt\"]");
        assertThat(body.get("example").asText()).isEqualTo("\"hi\"");
        assertThat(body.get("external").asBoolean()).isFalse();
        assertThat(body.get("created_by_name").asText()).isEqualTo("admin");
        assertThat(body.get("rollout").toString())
                .isEqualTo("{\"labels\":{\"canary\":0.25,\"production\":0.5},\"latest_weight\":0.25}");
        JsonNode override = body.get("overrides").get(0);
        assertThat(fields(override)).containsExactly("name", "description", "conditions", "rollout");
        assertThat(override.get("conditions")).hasSize(8);
        assertThat(override.get("conditions").get(1).toString())
                .isEqualTo("{\"kind\":\"value-does-not-equal\",\"attribute\":\"region\",\"value\":null}");
        assertThat(override.get("conditions").get(2).get("values").toString()).isEqualTo("[1,\"two\"]");
        assertThat(override.get("conditions").get(7).toString())
                .isEqualTo("{\"kind\":\"key-is-not-present\",\"attribute\":\"legacy\"}");
        JsonNode labels = body.get("labels");
        assertThat(fields(labels)).containsExactly("canary", "fallback", "production", "staging");
        for (JsonNode label : labels) {
            assertThat(fields(label)).containsExactlyInAnyOrder(LABEL_READ);
        }
        assertThat(labels.get("production").get("version_number").asInt()).isEqualTo(1);
        assertThat(labels.get("canary").get("serialized_value").asText()).isEqualTo("\"bonjour\"");
        assertThat(labels.get("staging").get("target_type").asText()).isEqualTo("label");
        assertThat(labels.get("staging").get("target_label").asText()).isEqualTo("production");
        assertThat(labels.get("staging").get("serialized_value").asText()).isEqualTo("\"hello\"");
        assertThat(labels.get("staging").get("version_id").asText())
                .isEqualTo(labels.get("production").get("version_id").asText());
        assertThat(labels.get("fallback").get("version_number").isNull()).isTrue();
        JsonNode latest = body.get("latest_version");
        assertThat(fields(latest)).containsExactlyInAnyOrder(VERSION_READ);
        assertThat(latest.get("version").asInt()).isEqualTo(2);
        assertThat(latest.get("id").asText()).isEqualTo(labels.get("canary").get("version_id").asText());
        assertThat(latest.get("created_by_name").asText()).isEqualTo("admin");
    }

    @Test
    void the_configuration_has_every_variable_in_the_sdks_form() {
        String project = server.createProject("var-config");
        server.post(collection(project), server.adminToken, FULL);
        server.post(collection(project), server.adminToken, minimal("bare"));

        Response config = server.get(collection(project), server.adminToken);

        assertThat(config.status()).isEqualTo(200);
        assertThat(fields(config.json())).containsExactly("variables");
        JsonNode variables = config.json().get("variables");
        assertThat(fields(variables)).containsExactly("checkout_prompt", "bare");
        JsonNode variable = variables.get("checkout_prompt");
        assertThat(fields(variable)).containsExactlyInAnyOrder(VARIABLE_CONFIG);
        assertThat(variable.get("labels").get("production").toString())
                .isEqualTo("{\"version\":1,\"serialized_value\":\"\\\"hello\\\"\"}");
        assertThat(variable.get("labels").get("staging").toString()).isEqualTo("{\"version\":1,\"ref\":\"production\"}");
        assertThat(variable.get("labels").get("fallback").toString()).isEqualTo("{\"version\":null,\"ref\":\"code_default\"}");
        assertThat(variable.get("labels").get("latest").toString()).isEqualTo("{\"version\":2,\"ref\":\"latest\"}");
        assertThat(variable.get("latest_version").toString())
                .isEqualTo("{\"version\":2,\"serialized_value\":\"\\\"bonjour\\\"\"}");
        assertThat(variable.get("rollout").toString())
                .isEqualTo("{\"labels\":{\"canary\":0.25,\"production\":0.5,\"latest\":0.25}}");
        assertThat(variable.get("overrides").get(0).get("conditions").get(0).toString())
                .isEqualTo("{\"kind\":\"value-equals\",\"attribute\":\"plan\",\"value\":\"enterprise\"}");
        assertThat(variable.get("overrides").get(0).get("rollout").toString()).isEqualTo("{\"labels\":{\"canary\":1.0}}");
        JsonNode bare = variables.get("bare");
        assertThat(bare.get("labels").toString()).isEqualTo("{}");
        assertThat(bare.get("latest_version").isNull()).isTrue();
        assertThat(bare.get("aliases").isNull()).isTrue();
    }

    @Test
    void one_variable_by_name_is_its_sdk_configuration() {
        String project = server.createProject("var-get");
        server.post(collection(project), server.adminToken, FULL);

        Response one = server.get(collection(project) + "checkout_prompt/", server.adminToken);

        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json()).isEqualTo(server.get(collection(project), server.adminToken).json().get("variables")
                .get("checkout_prompt"));
        assertThat(server.get(collection(project) + "no_such_variable/", server.adminToken).status()).isEqualTo(404);
    }

    @Test
    void put_keeps_absent_fields_clears_null_ones_adds_versions_and_renames() {
        String project = server.createProject("var-put");
        server.post(collection(project), server.adminToken, FULL);

        Response updated = server.put(collection(project) + "checkout_prompt/", server.adminToken,
                "{\"name\": \"checkout\", \"description\": null, \"aliases\": null, \"external\": true,"
                        + " \"rollout\": {\"labels\": {\"production\": 1}},"
                        + " \"labels\": {\"production\": {\"target_type\": \"version\", \"serialized_value\":"
                        + " \"\\\"hallo\\\"\"}, \"canary\": {\"target_type\": \"latest\"}}, \"overrides\": []}");

        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        JsonNode body = updated.json();
        assertThat(fields(body)).containsExactlyInAnyOrder(VARIABLE_DEFINITION_READ);
        assertThat(body.get("name").asText()).isEqualTo("checkout");
        assertThat(body.get("description").isNull()).isTrue();
        assertThat(body.get("aliases").isNull()).isTrue();
        assertThat(body.get("external").asBoolean()).isTrue();
        assertThat(body.get("json_schema").toString()).isEqualTo("{\"type\":\"string\"}");
        assertThat(body.get("example").asText()).isEqualTo("\"hi\"");
        assertThat(fields(body.get("labels"))).containsExactly("canary", "production");
        assertThat(body.get("labels").get("production").get("version_number").asInt()).isEqualTo(3);
        assertThat(body.get("labels").get("canary").get("version_number").asInt()).isEqualTo(3);
        assertThat(body.get("latest_version").get("version").asInt()).isEqualTo(3);
        assertThat(body.get("rollout").toString()).isEqualTo("{\"labels\":{\"production\":1.0}}");
        assertThat(server.get(collection(project) + "checkout_prompt/", server.adminToken).status()).isEqualTo(404);
        assertThat(server.get(collection(project) + "checkout/", server.adminToken).status()).isEqualTo(200);
    }

    @Test
    void a_duplicate_name_is_a_409_on_create_and_on_rename() {
        String project = server.createProject("var-dup");
        server.post(collection(project), server.adminToken, minimal("first"));
        server.post(collection(project), server.adminToken, minimal("second"));

        Response create = server.post(collection(project), server.adminToken, minimal("first"));
        Response rename = server.put(collection(project) + "second/", server.adminToken, "{\"name\": \"first\"}");

        assertThat(create.status()).isEqualTo(409);
        assertThat(rename.status()).isEqualTo(409);
        assertThat(fields(server.get(collection(project), server.adminToken).json().get("variables")))
                .containsExactly("first", "second");
    }

    @Test
    void bad_weights_conditions_regexes_and_labels_are_422s_at_their_loc_and_change_nothing() {
        String project = server.createProject("var-invalid");
        server.post(collection(project), server.adminToken, FULL);
        JsonNode before = server.get(collection(project), server.adminToken).json();

        assertInvalid(project, withRollout("{\"labels\": {\"a\": 1.5}}"), "value_error",
                "[\"body\",\"rollout\",\"labels\",\"a\"]");
        assertInvalid(project, withRollout("{\"labels\": {\"a\": -0.1}}"), "value_error",
                "[\"body\",\"rollout\",\"labels\",\"a\"]");
        assertInvalid(project, withRollout("{\"labels\": {\"a\": \"half\"}}"), "float_type",
                "[\"body\",\"rollout\",\"labels\",\"a\"]");
        assertInvalid(project, withRollout("{\"labels\": {\"a\": 0.75}, \"latest_weight\": 0.5}"), "value_error",
                "[\"body\",\"rollout\"]");
        assertInvalid(project, withRollout("{\"labels\": {}, \"latest_weight\": 2}"), "value_error",
                "[\"body\",\"rollout\",\"latest_weight\"]");
        assertInvalid(project, withRollout("{}"), "missing", "[\"body\",\"rollout\",\"labels\"]");
        for (String external : List.of("null", "\"yes\"", "[]")) {
            assertInvalid(project, "{\"name\": \"ext\", \"description\": null, \"json_schema\": null,"
                    + " \"rollout\": {\"labels\": {}}, \"overrides\": [], \"external\": " + external + "}",
                    "bool_type", "[\"body\",\"external\"]");
        }
        assertInvalid(project, withCondition("{\"kind\": \"value-is-near\", \"attribute\": \"a\"}"), "enum",
                "[\"body\",\"overrides\",0,\"conditions\",0,\"kind\"]");
        assertInvalid(project, withCondition("{\"kind\": \"value-is-in\", \"attribute\": \"a\", \"values\": []}"),
                "too_short", "[\"body\",\"overrides\",0,\"conditions\",0,\"values\"]");
        assertInvalid(project, withCondition("{\"kind\": \"value-matches-regex\", \"attribute\": \"a\","
                + " \"pattern\": \"([a-z\"}"), "value_error", "[\"body\",\"overrides\",0,\"conditions\",0,\"pattern\"]");
        assertInvalid(project, withCondition("{\"kind\": \"value-equals\", \"attribute\": \"a\"}"), "missing",
                "[\"body\",\"overrides\",0,\"conditions\",0,\"value\"]");
        assertInvalid(project, withCondition("{\"kind\": \"key-is-present\"}"), "missing",
                "[\"body\",\"overrides\",0,\"conditions\",0,\"attribute\"]");
        assertInvalid(project, withCondition("{\"kind\": \"value-is-not-in\", \"attribute\": \"a\", \"values\": 3}"),
                "list_type", "[\"body\",\"overrides\",0,\"conditions\",0,\"values\"]");
        assertInvalid(project, withLabels("{\"x\": {\"target_type\": \"pinned\"}}"), "literal_error",
                "[\"body\",\"labels\",\"x\",\"VersionLabelData\",\"target_type\"]");
        assertInvalid(project, withLabels("{\"x\": {\"target_type\": \"label\"}}"), "literal_error",
                "[\"body\",\"labels\",\"x\",\"VersionLabelData\",\"target_type\"]");
        assertInvalid(project, withLabels("{\"latest\": {\"target_type\": \"code_default\"}}"), "value_error",
                "[\"body\",\"labels\",\"latest\"]");
        assertInvalid(project, withLabels("{\"x\": {\"target_type\": \"label\", \"target_label\": \"ghost\"}}"),
                "value_error", "[\"body\",\"labels\"]");
        assertInvalid(project, withLabels("{\"x\": {\"target_type\": \"version\", \"serialized_value\": \"1\","
                + " \"version\": 5}}"), "value_error", "[\"body\",\"labels\"]");
        assertInvalid(project, withRollout("{\"labels\": {\"undefined_label\": 0.5}}"), "value_error",
                "[\"body\",\"rollout\"]");
        assertInvalid(project, minimal("not a name"), "string_pattern_mismatch", "[\"body\",\"name\"]");
        assertInvalid(project, minimal("x").replace("\"overrides\": []",
                "\"overrides\": [], \"type_id\": \"0f8fad5b-d9cb-469f-a165-70867728950e\""), "value_error",
                "[\"body\",\"type_id\"]");
        assertInvalid(project, minimal("x").replace("\"overrides\": []", "\"overrides\": [], \"aliases\": [\"ok\","
                + " \"not ok\"]"), "string_pattern_mismatch", "[\"body\",\"aliases\",1]");
        Response missing = server.post(collection(project), server.adminToken, "{}");
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().get("detail")).extracting(error -> error.get("loc").toString()).containsExactly(
                "[\"body\",\"name\"]", "[\"body\",\"description\"]", "[\"body\",\"json_schema\"]",
                "[\"body\",\"rollout\"]", "[\"body\",\"overrides\"]");
        Response badUpdate = server.put(collection(project) + "checkout_prompt/", server.adminToken,
                "{\"rollout\": {\"labels\": {\"production\": 0.9, \"canary\": 0.9}}}");
        assertThat(badUpdate.status()).isEqualTo(422);
        assertThat(badUpdate.json().get("detail").get(0).get("loc").toString()).isEqualTo("[\"body\",\"rollout\"]");

        assertThat(server.get(collection(project), server.adminToken).json()).isEqualTo(before);
    }

    @Test
    void a_missing_scope_is_a_403_naming_it_and_changes_nothing() {
        String project = server.createProject("var-scopes");
        server.post(collection(project), server.adminToken, minimal("kept"));
        String reader = server.createApiKey(null, "project:read_variables");
        String writer = server.createApiKey(null, "project:write_variables");

        Response create = server.post(collection(project), reader, minimal("refused"));
        Response update = server.put(collection(project) + "kept/", reader, "{\"description\": \"x\"}");
        Response list = server.get(collection(project), writer);
        Response get = server.get(collection(project) + "kept/", writer);

        for (Response refused : List.of(create, update)) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.json().get("detail").asText()).contains("project:write_variables");
        }
        for (Response refused : List.of(list, get)) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.json().get("detail").asText()).contains("project:read_variables");
        }
        JsonNode variables = server.get(collection(project), reader).json().get("variables");
        assertThat(fields(variables)).containsExactly("kept");
        assertThat(variables.get("kept").get("description").isNull()).isTrue();
    }

    @Test
    void another_projects_variable_is_not_found() {
        String project = server.createProject("var-mine");
        String other = server.createProject("var-theirs");
        server.post(collection(project), server.adminToken, minimal("mine"));
        String bound = server.createApiKey(other, "project:read_variables", "project:write_variables");

        assertThat(server.get(collection(other) + "mine/", server.adminToken).status()).isEqualTo(404);
        assertThat(server.put(collection(other) + "mine/", server.adminToken, "{}").status()).isEqualTo(404);
        assertThat(server.get(collection(project), bound).status()).isEqualTo(404);
        assertThat(server.get(collection(project) + "mine/", bound).status()).isEqualTo(404);
        assertThat(server.post(collection(project), bound, minimal("intruder")).status()).isEqualTo(404);
        assertThat(fields(server.get(collection(project), server.adminToken).json().get("variables")))
                .containsExactly("mine");
    }

    @Test
    void numbers_too_large_for_a_double_in_free_form_json_are_refused_not_kept_as_infinity() {
        String project = server.createProject("var-infinite");

        assertInvalid(project, minimal("x").replace("\"json_schema\": null",
                "\"json_schema\": {\"type\": \"number\", \"maximum\": 1e999}"), "finite_number",
                "[\"body\",\"json_schema\",\"maximum\"]");
        assertInvalid(project, withCondition("{\"kind\": \"value-equals\", \"attribute\": \"a\", \"value\": -1e999}"),
                "finite_number", "[\"body\",\"overrides\",0,\"conditions\",0,\"value\"]");
        assertInvalid(project,
                withCondition("{\"kind\": \"value-is-in\", \"attribute\": \"a\", \"values\": [1, [1e999]]}"),
                "finite_number", "[\"body\",\"overrides\",0,\"conditions\",0,\"values\",1,0]");
        assertThat(fields(server.get(collection(project), server.adminToken).json().get("variables"))).isEmpty();
    }

    @Test
    void a_too_long_description_is_reported_with_the_type_errors() {
        String project = server.createProject("var-all-errors");

        Response response = server.post(collection(project), server.adminToken,
                minimal("x").replace("\"description\": null", "\"description\": \"" + "d".repeat(501) + "\"")
                        .replace("\"overrides\": []", "\"overrides\": [], \"example\": 5"));

        assertThat(response.status()).isEqualTo(422);
        List<String> types = new ArrayList<>();
        response.json().get("detail").forEach(error -> types.add(error.get("type").asText()));
        assertThat(types).containsExactlyInAnyOrder("string_too_long", "string_type");
    }

    @Test
    void regexes_are_checked_as_python_compiles_them() {
        String project = server.createProject("var-regex");

        Response python = server.post(collection(project), server.adminToken, withCondition(
                "{\"kind\": \"value-matches-regex\", \"attribute\": \"email\","
                        + " \"pattern\": \"(?P<user>[^@]+)@example\\\\.com\"}"));
        assertInvalid(project, withCondition("{\"kind\": \"value-matches-regex\", \"attribute\": \"name\","
                + " \"pattern\": \"\\\\p{Lu}+\"}"), "value_error",
                "[\"body\",\"overrides\",0,\"conditions\",0,\"pattern\"]");

        assertThat(python.status()).as(python.body()).isEqualTo(201);
    }

    @Test
    void a_label_that_fits_no_member_of_the_union_gets_every_members_errors_as_pydantic_reports_them() {
        String project = server.createProject("var-label-union");

        Response response = server.post(collection(project), server.adminToken,
                withLabels("{\"p\": {\"target_type\": \"version\"}}"));

        assertThat(response.status()).isEqualTo(422);
        List<String> errors = new ArrayList<>();
        response.json().get("detail").forEach(error -> errors.add(error.get("type").asText() + " "
                + error.get("loc").toString()));
        assertThat(errors).containsExactly(
                "missing [\"body\",\"labels\",\"p\",\"VersionLabelData\",\"serialized_value\"]",
                "literal_error [\"body\",\"labels\",\"p\",\"LatestLabelData\",\"target_type\"]",
                "literal_error [\"body\",\"labels\",\"p\",\"CodeDefaultLabelData\",\"target_type\"]",
                "literal_error [\"body\",\"labels\",\"p\",\"LabelRefLabelData\",\"target_type\"]",
                "missing [\"body\",\"labels\",\"p\",\"LabelRefLabelData\",\"target_label\"]");
    }

    @Test
    void null_labels_are_one_error() {
        String project = server.createProject("var-null-labels");

        Response response = server.post(collection(project), server.adminToken, withLabels("null"));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("detail")).hasSize(1);
        assertThat(response.json().get("detail").get(0).get("type").asText()).isEqualTo("dict_type");
    }

    private static void assertInvalid(String project, String body, String type, String loc) {
        Response response = server.post(collection(project), server.adminToken, body);
        assertThat(response.status()).as(body + " -> " + response.body()).isEqualTo(422);
        JsonNode first = response.json().get("detail").get(0);
        assertThat(first.get("type").asText()).as(response.body()).isEqualTo(type);
        assertThat(first.get("loc").toString()).as(response.body()).isEqualTo(loc);
        assertThat(fields(first)).contains("type", "loc", "msg", "input");
    }

    static String minimal(String name) {
        return "{\"name\": \"" + name + "\", \"description\": null, \"json_schema\": null,"
                + " \"rollout\": {\"labels\": {}}, \"overrides\": []}";
    }

    private static String withRollout(String rollout) {
        return "{\"name\": \"x\", \"description\": null, \"json_schema\": null, \"rollout\": " + rollout + ","
                + " \"overrides\": [], \"labels\": {\"a\": {\"target_type\": \"latest\"}}}";
    }

    private static String withCondition(String condition) {
        return "{\"name\": \"x\", \"description\": null, \"json_schema\": null, \"rollout\": {\"labels\": {}},"
                + " \"overrides\": [{\"conditions\": [" + condition + "], \"rollout\": {\"labels\": {}}}]}";
    }

    private static String withLabels(String labels) {
        return "{\"name\": \"x\", \"description\": null, \"json_schema\": null, \"rollout\": {\"labels\": {}},"
                + " \"overrides\": [], \"labels\": " + labels + "}";
    }

    private static String collection(String project) {
        return "/api/v1/projects/" + project + "/variables/";
    }
}
