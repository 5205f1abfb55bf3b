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

class ApiKeyRoutesTest {

    static final String[] API_KEY_READ = {"id", "organization_id", "name", "description", "scopes", "project_id",
        "project_name", "all_projects", "created_by", "created_by_name", "created_at", "last_used_at", "expires_at",
        "user_id", "active", "updated_at", "updated_by", "token_prefix", "revoked_at", "claims"};

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
    void claims_are_kept_answered_and_replaced_by_a_patch_of_them_alone() {
        Response plain = server.post("/api/v1/api-keys/", server.adminToken,
                "{\"name\": \"plain\", \"scopes\": [\"project:read\"]}");
        Response created = server.post("/api/v1/api-keys/", server.adminToken, "{\"name\": \"gateway\", \"scopes\":"
                + " [\"project:gateway_proxy\"], \"claims\": {\"project:gateway_proxy\": {\"spending_limit_daily\": 100,"
                + " \"spending_limit_total\": 5000, \"cache_enabled\": true}}}");
        String id = created.json().get("api_key").get("id").asText();
        String path = "/api/v1/api-keys/" + id + "/";

        assertThat(plain.json().get("api_key").get("claims").toString()).isEqualTo("{}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("api_key").get("claims").toString()).isEqualTo("{\"project:gateway_proxy\":"
                + "{\"spending_limit_daily\":100,\"spending_limit_weekly\":null,\"spending_limit_monthly\":null,"
                + "\"spending_limit_total\":5000,\"cache_enabled\":true}}");
        assertThat(TokenRoutesTest.find(server.get("/api/v1/api-keys/", server.adminToken).json(), id).get("claims"))
                .isEqualTo(created.json().get("api_key").get("claims"));

        Response replaced = server.patch(path, server.adminToken,
                "{\"claims\": {\"project:gateway_proxy\": {\"spending_limit_weekly\": 7}}}");
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.json().get("name").asText()).isEqualTo("gateway");
        JsonNode gateway = replaced.json().get("claims").get("project:gateway_proxy");
        assertThat(gateway.get("spending_limit_weekly").asLong()).isEqualTo(7);
        assertThat(gateway.get("spending_limit_daily").isNull()).isTrue();
        assertThat(gateway.get("cache_enabled").isNull()).isTrue();

        Response removed = server.patch(path, server.adminToken, "{\"claims\": {}}");
        assertThat(removed.json().get("claims").toString()).isEqualTo("{}");
        Response renamed = server.patch(path, server.adminToken, "{\"name\": \"renamed\"}");
        assertThat(renamed.json().get("claims").toString()).isEqualTo("{}");
    }

    @Test
    void bad_claims_are_422s_at_their_loc_and_change_nothing() {
        String gatewayKey = "{\"name\": \"g\", \"scopes\": [\"project:gateway_proxy\"], \"claims\": ";
        List<String> keys = keyIds();

        assertInvalid(server.post("/api/v1/api-keys/", server.adminToken,
                "{\"name\": \"g\", \"scopes\": [\"project:read\"], \"claims\": {\"project:gateway_proxy\":"
                        + " {\"spending_limit_daily\": 1}}}"), "value_error", "[\"body\",\"claims\"]");
        assertInvalid(server.post("/api/v1/api-keys/", server.adminToken, gatewayKey + "null}"), "model_type",
                "[\"body\",\"claims\"]");
        assertInvalid(server.post("/api/v1/api-keys/", server.adminToken, gatewayKey + "{\"project:read\": {}}}"),
                "extra_forbidden", "[\"body\",\"claims\",\"project:read\"]");
        assertInvalid(server.post("/api/v1/api-keys/", server.adminToken,
                gatewayKey + "{\"project:gateway_proxy\": {\"spending_limit\": 1}}}"), "extra_forbidden",
                "[\"body\",\"claims\",\"project:gateway_proxy\",\"spending_limit\"]");
        assertInvalid(server.post("/api/v1/api-keys/", server.adminToken,
                gatewayKey + "{\"project:gateway_proxy\": {\"spending_limit_monthly\": -1}}}"), "greater_than_equal",
                "[\"body\",\"claims\",\"project:gateway_proxy\",\"spending_limit_monthly\"]");
        assertInvalid(server.post("/api/v1/api-keys/", server.adminToken,
                gatewayKey + "{\"project:gateway_proxy\": {\"spending_limit_total\": 1.5}}}"), "int_from_float",
                "[\"body\",\"claims\",\"project:gateway_proxy\",\"spending_limit_total\"]");
        assertInvalid(server.post("/api/v1/api-keys/", server.adminToken,
                gatewayKey + "{\"project:gateway_proxy\": {\"cache_enabled\": \"yes\"}}}"), "bool_type",
                "[\"body\",\"claims\",\"project:gateway_proxy\",\"cache_enabled\"]");
        assertThat(keyIds()).isEqualTo(keys);
        String readerId = server.post("/api/v1/api-keys/", server.adminToken,
                "{\"name\": \"reader\", \"scopes\": [\"project:read\"]}").json().get("api_key").get("id").asText();
        assertInvalid(server.patch("/api/v1/api-keys/" + readerId + "/", server.adminToken,
                "{\"claims\": {\"project:gateway_proxy\": {\"cache_enabled\": false}}}"), "value_error",
                "[\"body\",\"claims\"]");

        JsonNode reader = TokenRoutesTest.find(server.get("/api/v1/api-keys/", server.adminToken).json(), readerId);
        assertThat(reader.get("claims").toString()).isEqualTo("{}");
        assertThat(reader.get("updated_at").isNull()).isTrue();
    }

    private static List<String> keyIds() {
        List<String> ids = new ArrayList<>();
        server.get("/api/v1/api-keys/", server.adminToken).json().forEach(key -> ids.add(key.get("id").asText()));
        return ids;
    }

    private static void assertInvalid(Response response, String type, String loc) {
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.json().get("detail")).hasSize(1);
        JsonNode error = response.json().get("detail").get(0);
        assertThat(error.get("type").asText()).as(response.body()).isEqualTo(type);
        assertThat(error.get("loc").toString()).as(response.body()).isEqualTo(loc);
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
