package dev.gatehouse.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.http.TestServer.Response;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OpenApiTest {

    /** Every operation the server promises: "METHOD path" to "success status, required scope". */
    static final Map<String, String> OPERATIONS = new LinkedHashMap<>();

    static {
        OPERATIONS.put("GET /api/v1/projects/", "200 project:read");
        OPERATIONS.put("POST /api/v1/projects/", "201 organization:create_project");
        OPERATIONS.put("GET /api/v1/projects/{project_id}/", "200 project:read");
        OPERATIONS.put("PUT /api/v1/projects/{project_id}/", "200 project:write");
        OPERATIONS.put("DELETE /api/v1/projects/{project_id}/", "204 project:write");
        for (String family : List.of("write", "read")) {
            String scope = "project:" + family + "_token";
            String base = "/api/v1/projects/{project_id}/" + family + "-tokens/";
            OPERATIONS.put("GET " + base, "200 " + scope);
            OPERATIONS.put("POST " + base, "201 " + scope);
            OPERATIONS.put("POST " + base + "{token_id}/rotate/", "201 " + scope);
            OPERATIONS.put("PATCH " + base + "{token_id}/expire/", "204 " + scope);
            OPERATIONS.put("DELETE " + base + "{token_id}/", "204 " + scope);
        }
        OPERATIONS.put("GET /api/v1/api-keys/", "200 organization:read_api_key");
        OPERATIONS.put("POST /api/v1/api-keys/", "201 organization:create_api_key");
        OPERATIONS.put("PATCH /api/v1/api-keys/{api_key_id}/", "200 organization:write_api_key");
        OPERATIONS.put("DELETE /api/v1/api-keys/{api_key_id}/", "204 organization:write_api_key");
        OPERATIONS.put("GET /v1/info", "200 project:write_otlp");
        OPERATIONS.put("GET /v1/read-token-info", "200 project:read_otlp");
        OPERATIONS.put("GET /health", "200 none");
        OPERATIONS.put("GET /api/openapi.json", "200 none");
        OPERATIONS.put("GET /api/docs", "200 none");
    }

    static TestServer server;
    static JsonNode document;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        Response response = server.get("/api/openapi.json", null);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        document = response.json();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void the_document_lists_exactly_the_promised_operations_with_their_status_and_scope() {
        Map<String, String> documented = new LinkedHashMap<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            JsonNode security = operation.getValue().get("security");
            String scope = security.isEmpty() ? "none" : security.get(0).get("bearer").get(0).asText();
            String success = operation.getValue().get("responses").fieldNames().next();
            documented.put(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), success + " " + scope);
        }));

        assertThat(document.get("openapi").asText()).isEqualTo("3.1.0");
        assertThat(documented).containsExactlyInAnyOrderEntriesOf(OPERATIONS);
    }

    @Test
    void every_served_route_is_documented() {
        Set<String> served = new TreeSet<>();
        server.app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint)
                .filter(endpoint -> endpoint.method.isHttpMethod())
                .forEach(endpoint -> served.add(endpoint.method.name() + " " + endpoint.path));

        assertThat(served).isEqualTo(new TreeSet<>(documentedOperations()));
    }

    @Test
    void every_documented_route_is_served() {
        for (String operation : documentedOperations()) {
            String method = operation.substring(0, operation.indexOf(' '));
            String path = operation.substring(operation.indexOf(' ') + 1).replaceAll("\\{[a-z_]+}", UUID.randomUUID().toString());
            boolean hasBody = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");

            Response response = server.send(method, path, null, hasBody ? "{}" : null);

            assertThat(response.status()).as(operation).isNotIn(404, 405);
        }
    }

    @Test
    void every_reference_resolves_and_bodies_match_what_is_served() {
        JsonNode schemas = document.get("components").get("schemas");
        Set<String> refs = new HashSet<>();
        collectRefs(document, refs);
        for (String ref : refs) {
            assertThat(schemas.has(ref.substring("#/components/schemas/".length()))).as(ref).isTrue();
        }

        assertThat(properties(schemas, "ProjectRead")).containsExactlyInAnyOrder(ProjectRoutesTest.PROJECT_READ);
        assertThat(properties(schemas, "ProjectListRead")).containsExactlyInAnyOrder(ProjectRoutesTest.PROJECT_LIST_READ);
        assertThat(properties(schemas, "CreateWriteTokenOutput")).containsExactlyInAnyOrder(TokenRoutesTest.TOKEN_CREATED);
        assertThat(properties(schemas, "ReadTokenPublicAPIRead")).containsExactlyInAnyOrder(TokenRoutesTest.TOKEN_CREATED);
        assertThat(properties(schemas, "WriteTokenRead")).containsExactlyInAnyOrder(TokenRoutesTest.TOKEN_READ);
        assertThat(properties(schemas, "ReadTokenRead")).containsExactlyInAnyOrder(TokenRoutesTest.TOKEN_READ);
        assertThat(properties(schemas, "APIKeyRead")).containsExactlyInAnyOrder(ApiKeyRoutesTest.API_KEY_READ);
        assertThat(properties(schemas, "APIKeyCreateOutput")).containsExactlyInAnyOrder("api_key", "token");
        assertThat(properties(schemas, "ProjectCreate")).contains("project_name", "description", "visibility");
        assertThat(schemas.get("ProjectCreate").get("required").toString()).isEqualTo("[\"project_name\"]");
        assertThat(schemas.get("OAuthScopeId").get("enum")).hasSize(38);
    }

    @Test
    void error_responses_are_documented_where_they_can_happen() {
        JsonNode createToken = document.get("paths").get("/api/v1/projects/{project_id}/write-tokens/").get("post");

        assertThat(createToken.get("responses").fieldNames()).toIterable()
                .contains("201", "401", "403", "404", "413", "422", "429", "503");
        assertThat(createToken.get("responses").get("429").get("headers").has("Retry-After")).isTrue();
        assertThat(createToken.get("requestBody").get("required").asBoolean()).isFalse();
        assertThat(createToken.get("parameters").get(0).get("schema").get("format").asText()).isEqualTo("uuid");
    }

    private static List<String> documentedOperations() {
        List<String> operations = new ArrayList<>();
        document.get("paths").properties().forEach(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        return operations;
    }

    private static List<String> properties(JsonNode schemas, String name) {
        return TestServer.Response.fields(schemas.get(name).get("properties"));
    }

    private static void collectRefs(JsonNode node, Set<String> refs) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (field.getKey().equals("$ref")) {
                    refs.add(field.getValue().asText());
                } else {
                    collectRefs(field.getValue(), refs);
                }
            }
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }
}
