package dev.gatehouse.http;

import static dev.gatehouse.http.TestServer.Response.fields;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.http.TestServer.Response;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DashboardRoutesTest {

    static final String[] DASHBOARD_SUMMARY = {"id", "project_id", "created_at", "updated_at", "created_by_name",
        "updated_by_name", "dashboard_name", "dashboard_slug", "version"};
    static final String[] DASHBOARD = {"id", "project_id", "created_at", "updated_at", "created_by_name",
        "updated_by_name", "dashboard_name", "dashboard_slug", "version", "definition"};

    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A valid definition whose one grid item refers to {@code reference}, with panel {@code cpu}. */
    static String definition(String reference, String extraSpec) {
        return "{\"kind\": \"Dashboard\", \"metadata\": {\"name\": \"overview\", \"project\": \"ignored\"},"
                + " \"spec\": {\"display\": {\"name\": \"Overview\"},"
                + " \"panels\": {\"cpu\": {\"kind\": \"Panel\", \"spec\": {\"display\": {\"name\": \"CPU\"},"
                + " \"plugin\": {\"kind\": \"TimeSeriesChart\", \"spec\": {\"legend\": {\"position\": \"bottom\"}}},"
                + " \"queries\": [{\"kind\": \"SQLQuery\", \"spec\": {\"sql\": \"select 1\"}}]}}},"
                + " \"layouts\": [{\"kind\": \"Grid\", \"spec\": {\"display\": {\"title\": \"Row\", \"collapse\":"
                + " {\"open\": true}}, \"items\": [{\"x\": 0, \"y\": 0, \"width\": 12, \"height\": 6, \"content\":"
                + " {\"$ref\": \"" + reference + "\"}}]}}]" + extraSpec + "}}";
    }

    static String validDefinition() {
        return definition("#/spec/panels/cpu", "");
    }

    static String createBody(String name, String slug, String definition) {
        return "{\"name\": \"" + name + "\", \"slug\": \"" + slug + "\", \"definition\": " + definition + "}";
    }

    @Test
    void create_answers_200_with_version_1_and_the_definition_with_server_metadata_and_defaults() {
        String project = server.createProject("dash-create");

        Response created = server.post(collection(project), server.adminToken,
                createBody("Overview", "overview", validDefinition()));

        assertThat(created.status()).isEqualTo(200);
        JsonNode body = created.json();
        assertThat(fields(body)).containsExactlyInAnyOrder(DASHBOARD);
        assertThat(body.get("project_id").asText()).isEqualTo(project);
        assertThat(body.get("dashboard_name").asText()).isEqualTo("Overview");
        assertThat(body.get("dashboard_slug").asText()).isEqualTo("overview");
        assertThat(body.get("version").asInt()).isEqualTo(1);
        assertThat(body.get("created_at").asText()).matches(ProjectRoutesTest.UTC_TIMESTAMP);
        assertThat(body.get("updated_at").isNull()).isTrue();
        assertThat(body.get("created_by_name").asText()).isEqualTo("admin");
        assertThat(body.get("updated_by_name").isNull()).isTrue();
        JsonNode definition = body.get("definition");
        assertThat(fields(definition)).containsExactly("kind", "metadata", "spec");
        assertThat(definition.get("kind").asText()).isEqualTo("Dashboard");
        JsonNode metadata = definition.get("metadata");
        assertThat(fields(metadata)).containsExactly("name", "project", "createdAt", "updatedAt", "version");
        assertThat(metadata.get("name").asText()).isEqualTo("overview");
        assertThat(metadata.get("project").asText()).isEqualTo("dash-create");
        assertThat(metadata.get("createdAt").asText()).isEqualTo(body.get("created_at").asText());
        assertThat(metadata.get("version").asInt()).isEqualTo(1);
        JsonNode spec = definition.get("spec");
        assertThat(spec.get("variables").isArray() && spec.get("variables").isEmpty()).isTrue();
        assertThat(spec.get("duration").asText()).isEqualTo("1h");
        assertThat(spec.get("refreshInterval").asText()).isEqualTo("0s");
        assertThat(spec.get("panels").get("cpu").get("spec").get("plugin").get("spec").get("legend").get("position")
                .asText()).isEqualTo("bottom");
    }

    @Test
    void list_answers_summaries_oldest_first() {
        String project = server.createProject("dash-list");
        server.post(collection(project), server.adminToken, createBody("First", "first", validDefinition()));
        server.post(collection(project), server.adminToken, createBody("Second", "second", validDefinition()));

        Response list = server.get(collection(project), server.adminToken);

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json()).hasSize(2);
        for (JsonNode summary : list.json()) {
            assertThat(fields(summary)).containsExactlyInAnyOrder(DASHBOARD_SUMMARY);
        }
        assertThat(list.json().get(0).get("dashboard_slug").asText()).isEqualTo("first");
        assertThat(list.json().get(1).get("dashboard_slug").asText()).isEqualTo("second");
    }

    @Test
    void get_takes_an_id_or_a_slug_and_answers_the_definition_alone() {
        String project = server.createProject("dash-get");
        String id = server.post(collection(project), server.adminToken,
                createBody("Overview", "overview", validDefinition())).json().get("id").asText();

        Response byId = server.get(collection(project) + id + "/", server.adminToken);
        Response byUppercaseId = server.get(collection(project) + id.toUpperCase() + "/", server.adminToken);
        Response bySlug = server.get(collection(project) + "overview/", server.adminToken);

        assertThat(byId.status()).isEqualTo(200);
        assertThat(fields(byId.json())).containsExactly("dashboard");
        assertThat(byId.json().get("dashboard").get("metadata").get("project").asText()).isEqualTo("dash-get");
        assertThat(byUppercaseId.json()).isEqualTo(byId.json());
        assertThat(bySlug.status()).isEqualTo(200);
        assertThat(bySlug.json()).isEqualTo(byId.json());
        assertThat(server.get(collection(project) + "no-such-slug/", server.adminToken).status()).isEqualTo(404);
        assertThat(server.get(collection(project) + UUID.randomUUID() + "/", server.adminToken).status())
                .isEqualTo(404);
    }

    @Test
    void put_at_the_current_version_increments_it_and_keeps_absent_or_null_fields() {
        String project = server.createProject("dash-put");
        String path = item(project, server.post(collection(project), server.adminToken,
                createBody("Overview", "overview", validDefinition())).json().get("id").asText());

        Response renamed = server.put(path, server.adminToken, "{\"name\": \"Renamed\", \"version\": 1}");
        Response redefined = server.put(path, server.adminToken, "{\"name\": null, \"definition\": "
                + definition("#/spec/panels/cpu", ", \"duration\": \"6h\"") + "}");

        assertThat(renamed.status()).isEqualTo(200);
        assertThat(fields(renamed.json())).containsExactlyInAnyOrder(DASHBOARD);
        assertThat(renamed.json().get("version").asInt()).isEqualTo(2);
        assertThat(renamed.json().get("dashboard_name").asText()).isEqualTo("Renamed");
        assertThat(renamed.json().get("updated_at").asText()).matches(ProjectRoutesTest.UTC_TIMESTAMP);
        assertThat(renamed.json().get("updated_by_name").asText()).isEqualTo("admin");
        assertThat(renamed.json().get("definition").get("metadata").get("version").asInt()).isEqualTo(2);
        assertThat(redefined.status()).isEqualTo(200);
        assertThat(redefined.json().get("version").asInt()).isEqualTo(3);
        assertThat(redefined.json().get("dashboard_name").asText()).isEqualTo("Renamed");
        assertThat(redefined.json().get("definition").get("spec").get("duration").asText()).isEqualTo("6h");
        assertThat(server.get(path, server.adminToken).json().get("dashboard").get("spec").get("duration").asText())
                .isEqualTo("6h");
    }

    @Test
    void put_at_a_stale_version_is_a_409_and_changes_nothing() {
        String project = server.createProject("dash-stale");
        String path = item(project, server.post(collection(project), server.adminToken,
                createBody("Overview", "overview", validDefinition())).json().get("id").asText());
        server.put(path, server.adminToken, "{\"name\": \"Second\", \"version\": 1}");
        JsonNode before = server.get(path, server.adminToken).json();

        Response stale = server.put(path, server.adminToken, "{\"name\": \"Stale\", \"version\": 1}");

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("detail").asText()).contains("version");
        assertThat(server.get(path, server.adminToken).json()).isEqualTo(before);
        assertThat(server.get(collection(project), server.adminToken).json().get(0).get("dashboard_name").asText())
                .isEqualTo("Second");
    }

    @Test
    void a_duplicate_slug_in_the_project_is_a_409_and_changes_nothing() {
        String project = server.createProject("dash-dup");
        String other = server.createProject("dash-dup-other");
        server.post(collection(project), server.adminToken, createBody("One", "same", validDefinition()));

        Response again = server.post(collection(project), server.adminToken, createBody("Two", "same",
                validDefinition()));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asText()).isEqualTo("Dashboard with this slug already exists");
        assertThat(server.get(collection(project), server.adminToken).json()).hasSize(1);
        assertThat(server.post(collection(other), server.adminToken, createBody("Two", "same", validDefinition()))
                .status()).isEqualTo(200);
    }

    @Test
    void delete_answers_204_and_the_dashboard_is_gone() {
        String project = server.createProject("dash-delete");
        String path = item(project, server.post(collection(project), server.adminToken,
                createBody("Overview", "overview", validDefinition())).json().get("id").asText());

        Response deleted = server.delete(path, server.adminToken);

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(server.get(path, server.adminToken).status()).isEqualTo(404);
        assertThat(server.delete(path, server.adminToken).status()).isEqualTo(404);
    }

    @Test
    void a_missing_scope_is_a_403_naming_it_and_changes_nothing() {
        String project = server.createProject("dash-scopes");
        String path = item(project, server.post(collection(project), server.adminToken,
                createBody("Overview", "overview", validDefinition())).json().get("id").asText());
        String reader = server.createApiKey(null, "project:read_dashboard");
        String writer = server.createApiKey(null, "project:write_dashboard");

        Response create = server.post(collection(project), reader, createBody("X", "x", validDefinition()));
        Response update = server.put(path, reader, "{\"name\": \"X\"}");
        Response delete = server.delete(path, reader);
        Response list = server.get(collection(project), writer);
        Response get = server.get(path, writer);

        for (Response refused : List.of(create, update, delete)) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.json().get("detail").asText()).contains("project:write_dashboard");
        }
        for (Response refused : List.of(list, get)) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.json().get("detail").asText()).contains("project:read_dashboard");
        }
        assertThat(server.get(collection(project), reader).json()).hasSize(1);
        assertThat(server.get(path, reader).json().get("dashboard").get("metadata").get("version").asInt())
                .isEqualTo(1);
    }

    @Test
    void another_projects_dashboard_is_not_found() {
        String project = server.createProject("dash-mine");
        String other = server.createProject("dash-theirs");
        String id = server.post(collection(project), server.adminToken,
                createBody("Overview", "overview", validDefinition())).json().get("id").asText();
        String bound = server.createApiKey(other, "project:read_dashboard", "project:write_dashboard");

        assertThat(server.get(item(other, id), server.adminToken).status()).isEqualTo(404);
        assertThat(server.get(collection(other) + "overview/", server.adminToken).status()).isEqualTo(404);
        assertThat(server.put(item(other, id), server.adminToken, "{\"name\": \"X\"}").status()).isEqualTo(404);
        assertThat(server.delete(item(other, id), server.adminToken).status()).isEqualTo(404);
        assertThat(server.get(item(project, id), bound).status()).isEqualTo(404);
        assertThat(server.get(collection(project), bound).status()).isEqualTo(404);
        assertThat(server.get(item(project, id), server.adminToken).status()).isEqualTo(200);
    }

    @Test
    void structural_errors_of_the_definition_are_422s_at_their_loc_and_change_nothing() {
        String project = server.createProject("dash-invalid");
        String path = item(project, server.post(collection(project), server.adminToken,
                createBody("Overview", "overview", validDefinition())).json().get("id").asText());
        JsonNode before = server.get(path, server.adminToken).json();

        assertInvalid(project, "{\"kind\": \"Board\", \"metadata\": {\"name\": \"x\"}, \"spec\": {}}",
                "literal_error", "body", "definition", "kind");
        assertInvalid(project, "{\"kind\": \"Dashboard\", \"metadata\": {\"name\": \"x\"}, \"spec\": {}}",
                "missing", "body", "definition", "metadata", "project");
        assertInvalid(project, "{\"kind\": \"Dashboard\", \"metadata\": {\"name\": \"x\", \"project\": \"p\"},"
                + " \"spec\": {\"display\": null, \"panels\": null}}", "missing", "body", "definition", "spec",
                "layouts");
        assertInvalid(project, definition("#/spec/panels/cpu", ", \"duration\": \"soon\""),
                "string_pattern_mismatch", "body", "definition", "spec", "duration");
        assertInvalid(project, definition("#/spec/panels/cpu", ", \"refreshInterval\": \"5 minutes\""),
                "string_pattern_mismatch", "body", "definition", "spec", "refreshInterval");
        assertInvalid(project, definition("#/spec/panels/memory", ""),
                "value_error", "body", "definition", "spec", "layouts", 0, "spec", "items", 0, "content", "$ref");
        assertInvalid(project, definition("#/spec/panels/cpu", ", \"variables\": [{\"kind\": \"SliderVariable\","
                + " \"spec\": {}}]"), "union_tag_invalid", "body", "definition", "spec", "variables", 0);
        assertInvalid(project, definition("#/spec/panels/cpu", ", \"variables\": [{\"kind\": \"ListVariable\","
                + " \"spec\": {\"name\": \"env\", \"allowMultiple\": \"yes\", \"allowAllValue\": false,"
                + " \"plugin\": {\"kind\": \"StaticList\", \"spec\": {}}}}]"),
                "bool_type", "body", "definition", "spec", "variables", 0, "ListVariable", "spec", "allowMultiple");
        assertInvalid(project, definition("#/spec/panels/cpu", ", \"variables\": [{\"kind\": \"TextVariable\","
                + " \"spec\": {\"name\": \"env\", \"value\": \"a\"}}, {\"kind\": \"TextVariable\", \"spec\":"
                + " {\"name\": \"env\", \"value\": \"b\"}}]"),
                "value_error", "body", "definition", "spec", "variables", 1, "TextVariable", "spec", "name");
        assertInvalid(project, validDefinition().replace("\"x\": 0", "\"x\": 0.5"),
                "int_from_float", "body", "definition", "spec", "layouts", 0, "spec", "items", 0, "x");
        assertInvalid(project, validDefinition().replace("\"kind\": \"TimeSeriesChart\"", "\"kind\": \"\""),
                "string_too_short", "body", "definition", "spec", "panels", "cpu", "spec", "plugin", "kind");
        assertInvalid(project, "[]", "model_attributes_type", "body", "definition");

        Response badUpdate = server.put(path, server.adminToken,
                "{\"definition\": " + definition("#/spec/panels/none", "") + ", \"version\": 1}");
        assertThat(badUpdate.status()).isEqualTo(422);
        assertThat(badUpdate.json().get("detail").get(0).get("loc").toString()).isEqualTo(
                "[\"body\",\"definition\",\"spec\",\"layouts\",0,\"spec\",\"items\",0,\"content\",\"$ref\"]");
        assertThat(server.get(path, server.adminToken).json()).isEqualTo(before);
        assertThat(server.get(collection(project), server.adminToken).json()).hasSize(1);
    }

    @Test
    void bad_fields_around_the_definition_are_422s_at_their_loc() {
        String project = server.createProject("dash-fields");
        String path = item(project, server.post(collection(project), server.adminToken,
                createBody("Overview", "overview", validDefinition())).json().get("id").asText());

        Response missing = server.post(collection(project), server.adminToken, "{}");
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().get("detail")).extracting(error -> error.get("loc").toString()).containsExactly(
                "[\"body\",\"name\"]", "[\"body\",\"slug\"]", "[\"body\",\"definition\"]");
        assertError(server.post(collection(project), server.adminToken, createBody("X", "has space",
                validDefinition())), "string_pattern_mismatch", "[\"body\",\"slug\"]");
        assertError(server.post(collection(project), server.adminToken, createBody("X", UUID.randomUUID().toString(),
                validDefinition())), "value_error", "[\"body\",\"slug\"]");
        assertError(server.post(collection(project), server.adminToken, createBody("", "blank", validDefinition())),
                "string_too_short", "[\"body\",\"name\"]");
        assertError(server.put(path, server.adminToken, "{\"version\": \"one\"}"), "int_type",
                "[\"body\",\"version\"]");
        assertError(server.put(path, server.adminToken, "{\"version\": 1e999}"), "finite_number",
                "[\"body\",\"version\"]");
        assertError(server.put(item(project, "overview"), server.adminToken, "{\"name\": \"X\"}"), "uuid_parsing",
                "[\"path\",\"dashboard_id\"]");
        assertThat(server.get(collection(project), server.adminToken).json()).hasSize(1);
        assertThat(server.get(path, server.adminToken).json().get("dashboard").get("metadata").get("version")
                .asInt()).isEqualTo(1);
    }

    @Test
    void grid_numbers_are_read_as_pydantic_reads_an_int() {
        String project = server.createProject("dash-ints");

        Response whole = server.post(collection(project), server.adminToken,
                createBody("Whole", "whole", validDefinition().replace("\"width\": 12", "\"width\": 12.0")));
        assertInvalid(project, validDefinition().replace("\"y\": 0", "\"y\": 1e20"),
                "int_parsing_size", "body", "definition", "spec", "layouts", 0, "spec", "items", 0, "y");
        assertInvalid(project, validDefinition().replace("\"legend\"", "\"limit\": 1e999, \"legend\""),
                "finite_number", "body", "definition", "spec", "panels", "cpu", "spec", "plugin", "spec", "limit");

        assertThat(whole.status()).as(whole.body()).isEqualTo(200);
        assertThat(whole.json().get("definition").get("spec").get("layouts").get(0).get("spec").get("items").get(0)
                .get("width").toString()).isEqualTo("12");
    }

    private static void assertInvalid(String project, String definition, String type, Object... loc) {
        Response response = server.post(collection(project), server.adminToken,
                createBody("Invalid", "invalid-" + UUID.randomUUID().toString().substring(0, 8), definition));
        assertError(response, type, locText(loc));
    }

    private static void assertError(Response response, String type, String loc) {
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        JsonNode first = response.json().get("detail").get(0);
        assertThat(first.get("type").asText()).as(response.body()).isEqualTo(type);
        assertThat(first.get("loc").toString()).as(response.body()).isEqualTo(loc);
        assertThat(fields(first)).contains("type", "loc", "msg", "input");
    }

    private static String locText(Object... loc) {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < loc.length; i++) {
            text.append(i == 0 ? "" : ",");
            text.append(loc[i] instanceof String ? "\"" + loc[i] + "\"" : loc[i].toString());
        }
        return text.append(']').toString();
    }

    private static String collection(String project) {
        return "/api/v1/projects/" + project + "/dashboards/";
    }

    private static String item(String project, String dashboard) {
        return collection(project) + dashboard + "/";
    }
}
