package dev.gatehouse.http;

import static dev.gatehouse.http.TestServer.Response.fields;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.http.TestServer.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ProjectRoutesTest {

    static final String UTC_TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z";
    static final String[] PROJECT_READ = {
        "id", "project_name", "created_at", "description", "organization_name", "visibility", "environment"};
    static final String[] PROJECT_LIST_READ = {
        "id", "project_name", "created_at", "description", "organization_name", "visibility", "updated_at", "environment"};

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
    void create_answers_201_with_the_reference_fields_and_defaults() {
        Response created = server.post("/api/v1/projects/", server.adminToken, "{\"project_name\": \"created-one\"}");

        assertThat(created.status()).isEqualTo(201);
        JsonNode body = created.json();
        assertThat(fields(body)).containsExactlyInAnyOrder(PROJECT_READ);
        assertThat(body.get("project_name").asText()).isEqualTo("created-one");
        assertThat(body.get("description").isNull()).isTrue();
        assertThat(body.get("organization_name").asText()).isEqualTo("acme");
        assertThat(body.get("visibility").asText()).isEqualTo("public");
        assertThat(body.get("environment").asText()).isEqualTo("production");
        assertThat(body.get("created_at").asText()).matches(UTC_TIMESTAMP);
        assertThat(created.header("Content-Type")).startsWith("application/json");
    }

    @Test
    void create_takes_description_visibility_and_environment() {
        Response created = server.post("/api/v1/projects/", server.adminToken,
                "{\"project_name\": \"staging-app\", \"description\": \"the app\", \"visibility\": \"private\","
                        + " \"environment\": \"staging\"}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("description").asText()).isEqualTo("the app");
        assertThat(created.json().get("visibility").asText()).isEqualTo("private");
        assertThat(created.json().get("environment").asText()).isEqualTo("staging");
    }

    @Test
    void list_and_get_answer_the_list_read_fields() {
        String id = server.createProject("listed-one");

        Response list = server.get("/api/v1/projects/", server.adminToken);
        Response one = server.get("/api/v1/projects/" + id + "/", server.adminToken);

        assertThat(list.status()).isEqualTo(200);
        JsonNode listed = null;
        for (JsonNode project : list.json()) {
            assertThat(fields(project)).containsExactlyInAnyOrder(PROJECT_LIST_READ);
            if (project.get("id").asText().equals(id)) {
                listed = project;
            }
        }
        assertThat(listed).isNotNull();
        assertThat(listed.get("updated_at").asText()).matches(UTC_TIMESTAMP);
        assertThat(one.status()).isEqualTo(200);
        assertThat(fields(one.json())).containsExactlyInAnyOrder(PROJECT_LIST_READ);
        assertThat(one.json().get("project_name").asText()).isEqualTo("listed-one");
    }

    @Test
    void put_keeps_absent_fields_and_clears_a_null_description() {
        String id = server.post("/api/v1/projects/", server.adminToken,
                "{\"project_name\": \"partial-one\", \"description\": \"first\"}").json().get("id").asText();
        String path = "/api/v1/projects/" + id + "/";

        Response visibilityOnly = server.put(path, server.adminToken, "{\"visibility\": \"private\"}");
        assertThat(visibilityOnly.status()).isEqualTo(200);
        assertThat(fields(visibilityOnly.json())).containsExactlyInAnyOrder(PROJECT_READ);
        assertThat(visibilityOnly.json().get("description").asText()).isEqualTo("first");
        assertThat(visibilityOnly.json().get("visibility").asText()).isEqualTo("private");

        Response nullName = server.put(path, server.adminToken, "{\"project_name\": null, \"visibility\": null}");
        assertThat(nullName.status()).isEqualTo(200);
        assertThat(nullName.json().get("project_name").asText()).isEqualTo("partial-one");
        assertThat(nullName.json().get("visibility").asText()).isEqualTo("private");
        assertThat(nullName.json().get("description").asText()).isEqualTo("first");

        Response cleared = server.put(path, server.adminToken, "{\"description\": null}");
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(cleared.json().get("description").isNull()).isTrue();
        assertThat(cleared.json().get("project_name").asText()).isEqualTo("partial-one");

        Response renamed = server.put(path, server.adminToken, "{\"project_name\": \"partial-two\", \"environment\": \"development\"}");
        assertThat(renamed.json().get("project_name").asText()).isEqualTo("partial-two");
        assertThat(renamed.json().get("environment").asText()).isEqualTo("development");
        assertThat(server.get(path, server.adminToken).json().get("project_name").asText()).isEqualTo("partial-two");
    }

    @Test
    void delete_answers_204_and_the_project_is_gone() {
        String id = server.createProject("deleted-one");

        Response deleted = server.delete("/api/v1/projects/" + id + "/", server.adminToken);

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        Response after = server.get("/api/v1/projects/" + id + "/", server.adminToken);
        assertThat(after.status()).isEqualTo(404);
        assertThat(fields(after.json())).containsExactly("detail");
    }

    @Test
    void a_duplicate_name_is_a_conflict() {
        server.createProject("twice");

        Response again = server.post("/api/v1/projects/", server.adminToken, "{\"project_name\": \"twice\"}");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").isTextual()).isTrue();
    }

    @Test
    void the_trailing_slash_is_optional() {
        String id = server.createProject("no-slash");

        assertThat(server.get("/api/v1/projects", server.adminToken).status()).isEqualTo(200);
        assertThat(server.get("/api/v1/projects/" + id, server.adminToken).status()).isEqualTo(200);
        assertThat(server.post("/api/v1/projects", server.adminToken, "{\"project_name\": \"no-slash-two\"}").status())
                .isEqualTo(201);
        assertThat(server.get("/api/v1/projects/" + id + "/write-tokens", server.adminToken).status()).isEqualTo(200);
        assertThat(server.get("/health/", null).status()).isEqualTo(200);
    }

    @Test
    void health_needs_no_credential() {
        Response health = server.get("/health", null);

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().toString()).isEqualTo("{\"status\":\"ok\"}");
    }
}
