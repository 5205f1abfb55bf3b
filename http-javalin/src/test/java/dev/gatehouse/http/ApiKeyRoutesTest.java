package dev.gatehouse.http;

import static dev.gatehouse.http.TestServer.Response.fields;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.http.TestServer.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ApiKeyRoutesTest {

    static final String[] API_KEY_READ = {"id", "organization_id", "name", "description", "scopes", "project_id",
        "project_name", "all_projects", "created_by", "created_by_name", "created_at", "last_used_at", "expires_at",
        "user_id", "active", "updated_at", "updated_by", "token_prefix", "revoked_at"};

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
    void create_answers_201_with_the_key_and_its_token_once() {
        Response created = server.post("/api/v1/api-keys/", server.adminToken,
                "{\"name\": \"ci\", \"description\": \"for CI\", \"scopes\": [\"project:read\", \"project:write_token\"]}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(fields(created.json())).containsExactlyInAnyOrder("api_key", "token");
        JsonNode key = created.json().get("api_key");
        assertThat(fields(key)).containsExactlyInAnyOrder(API_KEY_READ);
        assertThat(key.get("name").asText()).isEqualTo("ci");
        assertThat(key.get("description").asText()).isEqualTo("for CI");
        assertThat(key.get("scopes")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("project:read", "project:write_token");
        assertThat(key.get("all_projects").asBoolean()).isTrue();
        assertThat(key.get("project_id").isNull()).isTrue();
        assertThat(key.get("user_id").isNull()).isTrue();
        assertThat(key.get("active").asBoolean()).isTrue();
        assertThat(key.get("created_at").asText()).matches(ProjectRoutesTest.UTC_TIMESTAMP);
        assertThat(created.json().get("token").asText()).startsWith("gth_ak_");
        assertThat(created.header("Cache-Control")).isEqualTo("no-store");
        assertThat(server.get("/api/v1/projects/", created.json().get("token").asText()).status()).isEqualTo(200);
    }

    @Test
    void a_key_bound_to_a_project_names_it() {
        String projectId = server.createProject("bound-key-project");

        JsonNode key = server.post("/api/v1/api-keys/", server.adminToken,
                "{\"name\": \"bound\", \"scopes\": [\"project:read\"], \"project_id\": \"" + projectId + "\"}")
                .json().get("api_key");

        assertThat(key.get("project_id").asText()).isEqualTo(projectId);
        assertThat(key.get("project_name").asText()).isEqualTo("bound-key-project");
        assertThat(key.get("all_projects").asBoolean()).isFalse();
    }

    @Test
    void list_shows_only_api_keys_without_their_tokens() {
        Response created = server.post("/api/v1/api-keys/", server.adminToken, "{\"name\": \"listed\", \"scopes\": [\"project:read\"]}");
        String id = created.json().get("api_key").get("id").asText();
        String projectId = server.createProject("listing-tokens");
        String tokenId = server.post("/api/v1/projects/" + projectId + "/write-tokens/", server.adminToken, null)
                .json().get("id").asText();

        Response list = server.get("/api/v1/api-keys/", server.adminToken);

        assertThat(list.status()).isEqualTo(200);
        JsonNode listed = TokenRoutesTest.find(list.json(), id);
        assertThat(fields(listed)).containsExactlyInAnyOrder(API_KEY_READ);
        assertThat(listed.get("name").asText()).isEqualTo("listed");
        assertThat(list.body()).doesNotContain(created.json().get("token").asText()).doesNotContain(tokenId);
        assertThat(list.json()).allSatisfy(key -> assertThat(key.get("token_prefix").asText()).startsWith("gth_ak_"));
    }

    @Test
    void patch_renames_keeps_absent_fields_and_clears_a_null_description() {
        String id = server.post("/api/v1/api-keys/", server.adminToken,
                "{\"name\": \"before\", \"description\": \"kept\", \"scopes\": [\"project:read\"]}").json().get("api_key").get("id").asText();
        String path = "/api/v1/api-keys/" + id + "/";

        Response renamed = server.patch(path, server.adminToken, "{\"name\": \"after\"}");
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(fields(renamed.json())).containsExactlyInAnyOrder(API_KEY_READ);
        assertThat(renamed.json().get("name").asText()).isEqualTo("after");
        assertThat(renamed.json().get("description").asText()).isEqualTo("kept");

        Response cleared = server.patch(path, server.adminToken, "{\"description\": null}");
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(cleared.json().get("description").isNull()).isTrue();
        assertThat(cleared.json().get("name").asText()).isEqualTo("after");
    }

    @Test
    void patch_without_any_field_is_a_422_on_the_body() {
        String id = server.post("/api/v1/api-keys/", server.adminToken, "{\"name\": \"unchanged\", \"scopes\": [\"project:read\"]}")
                .json().get("api_key").get("id").asText();

        Response empty = server.patch("/api/v1/api-keys/" + id + "/", server.adminToken, "{}");

        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.json().get("detail").get(0).get("loc").toString()).isEqualTo("[\"body\"]");
        assertThat(TokenRoutesTest.find(server.get("/api/v1/api-keys/", server.adminToken).json(), id).get("name").asText())
                .isEqualTo("unchanged");
    }

    @Test
    void delete_revokes_and_the_key_is_refused_on_the_next_request() {
        JsonNode created = server.post("/api/v1/api-keys/", server.adminToken, "{\"name\": \"doomed\", \"scopes\": [\"project:read\"]}").json();
        String token = created.get("token").asText();
        String id = created.get("api_key").get("id").asText();
        assertThat(server.get("/api/v1/projects/", token).status()).isEqualTo(200);

        Response revoked = server.delete("/api/v1/api-keys/" + id + "/", server.adminToken);

        assertThat(revoked.status()).isEqualTo(204);
        assertThat(server.get("/api/v1/projects/", token).status()).isEqualTo(401);
        JsonNode listed = TokenRoutesTest.find(server.get("/api/v1/api-keys/", server.adminToken).json(), id);
        assertThat(listed.get("active").asBoolean()).isFalse();
        assertThat(listed.get("revoked_at").asText()).matches(ProjectRoutesTest.UTC_TIMESTAMP);
    }

    @Test
    void a_missing_scope_is_a_403_naming_it() {
        String projectId = server.createProject("scoped");
        String readOnly = server.createApiKey(null, "project:read");

        Response createToken = server.post("/api/v1/projects/" + projectId + "/write-tokens/", readOnly, null);
        Response listKeys = server.get("/api/v1/api-keys/", readOnly);
        Response createProject = server.post("/api/v1/projects/", readOnly, "{\"project_name\": \"not-allowed\"}");

        assertThat(createToken.status()).isEqualTo(403);
        assertThat(createToken.json().get("detail").asText()).contains("project:write_token");
        assertThat(listKeys.status()).isEqualTo(403);
        assertThat(listKeys.json().get("detail").asText()).contains("organization:read_api_key");
        assertThat(createProject.status()).isEqualTo(403);
        assertThat(createProject.json().get("detail").asText()).contains("organization:create_project");
        assertThat(server.get("/api/v1/projects/" + projectId + "/write-tokens/", server.adminToken).json()).isEmpty();
    }

    @Test
    void a_key_cannot_grant_more_than_it_holds() {
        String limited = server.createApiKey(null, "organization:create_api_key", "project:read");

        Response escalation = server.post("/api/v1/api-keys/", limited, "{\"name\": \"bigger\", \"scopes\": [\"project:write\"]}");

        assertThat(escalation.status()).isEqualTo(403);
        assertThat(escalation.json().get("detail").asText()).contains("project:write");
    }

    @Test
    void a_project_bound_key_sees_another_project_as_not_found() {
        String mine = server.createProject("mine");
        String theirs = server.createProject("theirs");
        String bound = server.createApiKey(mine, "project:read", "project:write", "project:write_token");

        assertThat(server.get("/api/v1/projects/" + mine + "/", bound).status()).isEqualTo(200);
        Response other = server.get("/api/v1/projects/" + theirs + "/", bound);
        Response otherTokens = server.post("/api/v1/projects/" + theirs + "/write-tokens/", bound, null);
        Response otherUpdate = server.put("/api/v1/projects/" + theirs + "/", bound, "{\"description\": \"mine now\"}");

        assertThat(other.status()).isEqualTo(404);
        assertThat(otherTokens.status()).isEqualTo(404);
        assertThat(otherUpdate.status()).isEqualTo(404);
        assertThat(server.get("/api/v1/projects/" + theirs + "/", server.adminToken).json().get("description").isNull()).isTrue();
        assertThat(server.get("/api/v1/projects/", bound).json()).extracting(project -> project.get("id").asText())
                .containsExactly(mine);
    }
}
