package dev.gatehouse.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.http.TestServer.Response;
import io.javalin.http.HandlerType;
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
        OPERATIONS.put("GET /api/v1/channels/", "200 organization:read_channel");
        OPERATIONS.put("POST /api/v1/channels/", "201 organization:write_channel");
        OPERATIONS.put("GET /api/v1/channels/{channel_id}/", "200 organization:read_channel");
        OPERATIONS.put("PUT /api/v1/channels/{channel_id}/", "200 organization:write_channel");
        OPERATIONS.put("DELETE /api/v1/channels/{channel_id}/", "204 organization:write_channel");
        OPERATIONS.put("GET /api/v1/projects/{project_id}/alerts/", "200 project:read_alert");
        OPERATIONS.put("POST /api/v1/projects/{project_id}/alerts/", "201 project:write_alert");
        OPERATIONS.put("GET /api/v1/projects/{project_id}/alerts/{alert_id}/", "200 project:read_alert");
        OPERATIONS.put("PUT /api/v1/projects/{project_id}/alerts/{alert_id}/", "200 project:write_alert");
        OPERATIONS.put("DELETE /api/v1/projects/{project_id}/alerts/{alert_id}/", "204 project:write_alert");
        OPERATIONS.put("GET /api/v1/audit-logs/", "200 organization:auditlog");
        OPERATIONS.put("GET /api/v1/audit-logs/{audit_log_id}/", "200 organization:auditlog");
        OPERATIONS.put("GET /api/v1/projects/{project_id}/dashboards/", "200 project:read_dashboard");
        OPERATIONS.put("POST /api/v1/projects/{project_id}/dashboards/", "200 project:write_dashboard");
        OPERATIONS.put("GET /api/v1/projects/{project_id}/dashboards/{dashboard_id}/", "200 project:read_dashboard");
        OPERATIONS.put("PUT /api/v1/projects/{project_id}/dashboards/{dashboard_id}/", "200 project:write_dashboard");
        OPERATIONS.put("DELETE /api/v1/projects/{project_id}/dashboards/{dashboard_id}/", "204 project:write_dashboard");
        OPERATIONS.put("GET /api/v1/projects/{project_id}/variables/", "200 project:read_variables");
        OPERATIONS.put("POST /api/v1/projects/{project_id}/variables/", "201 project:write_variables");
        OPERATIONS.put("GET /api/v1/projects/{project_id}/variables/{name}/", "200 project:read_variables");
        OPERATIONS.put("PUT /api/v1/projects/{project_id}/variables/{name}/", "200 project:write_variables");
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
        Set<String> headPaths = new TreeSet<>();
        Set<String> getPaths = new TreeSet<>();
        server.app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint)
                .filter(endpoint -> endpoint.method.isHttpMethod())
                .forEach(endpoint -> {
                    if (endpoint.method == HandlerType.HEAD) {
                        headPaths.add(endpoint.path);
                        return;
                    }
                    if (endpoint.method == HandlerType.GET) {
                        getPaths.add(endpoint.path);
                    }
                    served.add(endpoint.method.name() + " " + endpoint.path);
                });

        assertThat(served).isEqualTo(new TreeSet<>(documentedOperations()));
        assertThat(headPaths).as("OpenAPI leaves HEAD implicit: it is served exactly where GET is").isEqualTo(getPaths);
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
        assertThat(properties(schemas, "ChannelRead")).containsExactlyInAnyOrder(ChannelRoutesTest.CHANNEL_READ);
        assertThat(properties(schemas, "ChannelCreate")).containsExactlyInAnyOrder("label", "config");
        assertThat(properties(schemas, "ChannelUpdate")).containsExactlyInAnyOrder("label", "config", "active");
        assertThat(schemas.get("ChannelCreate").get("properties").get("config").get("discriminator").get("mapping")
                .fieldNames()).toIterable().containsExactly("webhook", "opsgenie", "notification", "email", "pagerduty");
        assertThat(properties(schemas, "ProjectCreate")).contains("project_name", "description", "visibility");
        assertThat(schemas.get("ProjectCreate").get("required").toString()).isEqualTo("[\"project_name\"]");
        assertThat(schemas.get("OAuthScopeId").get("enum")).hasSize(38);
        assertThat(properties(schemas, "AuditLogInfoRead")).containsExactlyInAnyOrder(AuditLogRoutesTest.AUDIT_LOG_INFO_READ);
        assertThat(properties(schemas, "AuditLogDetailRead"))
                .containsExactlyInAnyOrder(AuditLogRoutesTest.AUDIT_LOG_DETAIL_READ);
    }

    @Test
    void alerts_are_documented_with_the_fields_they_are_served_with() {
        JsonNode schemas = document.get("components").get("schemas");
        JsonNode list = document.get("paths").get("/api/v1/projects/{project_id}/alerts/").get("get");

        assertThat(properties(schemas, "AlertRead")).containsExactlyInAnyOrder(AlertRoutesTest.ALERT_READ);
        assertThat(properties(schemas, "AlertWithLastRun"))
                .containsExactlyInAnyOrder(AlertRoutesTest.ALERT_WITH_LAST_RUN);
        assertThat(properties(schemas, "AlertChannelRead"))
                .containsExactlyInAnyOrder(AlertRoutesTest.ALERT_CHANNEL_READ);
        assertThat(properties(schemas, "AlertCreate")).containsExactlyInAnyOrder("name", "description", "query",
                "time_window", "frequency", "watermark", "active", "channel_ids", "channel_assignments", "notify_when");
        assertThat(schemas.get("AlertCreate").get("required")).extracting(JsonNode::asText).containsExactlyInAnyOrder(
                "name", "description", "query", "time_window", "frequency", "watermark", "notify_when");
        assertThat(properties(schemas, "AlertUpdate")).containsExactlyInAnyOrder("name", "description", "query",
                "time_window", "frequency", "watermark", "active", "channel_ids", "channel_assignments", "notify_when");
        assertThat(schemas.get("AlertUpdate").has("required")).isFalse();
        assertThat(properties(schemas, "AlertChannelAssignment")).containsExactlyInAnyOrder("channel_id",
                "schedule_id");
        assertThat(schemas.get("AlertRead").get("properties").get("notify_when").get("enum"))
                .extracting(JsonNode::asText)
                .containsExactly("has_matches", "has_matches_changed", "matches_changed", "starts_having_matches");
        assertThat(list.get("responses").get("200").get("content").get("application/json").get("schema")
                .get("items").get("$ref").asText()).isEqualTo("#/components/schemas/AlertWithLastRun");
    }

    @Test
    void the_audit_log_documents_its_query_parameters_its_400_and_the_shape_of_its_metadata() {
        JsonNode list = document.get("paths").get("/api/v1/audit-logs/").get("get");
        Map<String, Boolean> parameters = new LinkedHashMap<>();
        list.get("parameters").forEach(parameter -> {
            assertThat(parameter.get("in").asText()).isEqualTo("query");
            parameters.put(parameter.get("name").asText(), parameter.get("required").asBoolean());
        });
        JsonNode metadata = document.get("components").get("schemas").get("AuditLogDetailRead").get("properties")
                .get("metadata");

        assertThat(parameters).containsExactly(Map.entry("start_time", true), Map.entry("end_time", false),
                Map.entry("action", false));
        assertThat(list.get("responses").fieldNames()).toIterable().contains("200", "400", "401", "403", "422");
        assertThat(list.get("responses").get("400").get("content").get("application/json").get("schema")
                .get("$ref").asText()).isEqualTo("#/components/schemas/HTTPExceptionError");
        assertThat(metadata.get("required")).extracting(JsonNode::asText)
                .containsExactly("changes", "downgrade_patches");
        assertThat(metadata.get("description").asText()).contains("downgrade_patches", "\"op\": \"remove\"",
                "\"op\": \"replace\"", "\"op\": \"add\"", "FAILED_LOGIN");
        assertThat(document.get("components").get("schemas").get("AuditLogAction").get("enum"))
                .extracting(JsonNode::asText).contains("INSERT", "UPDATE", "DELETE", "FAILED_LOGIN", "VIEW");
    }

    @Test
    void dashboards_and_variables_are_documented_with_the_fields_they_are_served_with() {
        JsonNode schemas = document.get("components").get("schemas");
        JsonNode paths = document.get("paths");
        JsonNode getDashboard = paths.get("/api/v1/projects/{project_id}/dashboards/{dashboard_id}/").get("get");
        JsonNode putDashboard = paths.get("/api/v1/projects/{project_id}/dashboards/{dashboard_id}/").get("put");
        JsonNode getVariable = paths.get("/api/v1/projects/{project_id}/variables/{name}/").get("get");

        assertThat(properties(schemas, "DashboardSummary"))
                .containsExactlyInAnyOrder(DashboardRoutesTest.DASHBOARD_SUMMARY);
        assertThat(properties(schemas, "Dashboard")).containsExactlyInAnyOrder(DashboardRoutesTest.DASHBOARD);
        assertThat(properties(schemas, "GetDashboardResponse")).containsExactly("dashboard");
        assertThat(properties(schemas, "DashboardCreateRequest")).containsExactlyInAnyOrder("name", "slug",
                "definition");
        assertThat(properties(schemas, "DashboardUpdateRequest")).containsExactlyInAnyOrder("name", "definition",
                "version");
        assertThat(properties(schemas, "VariableDefinitionRead"))
                .containsExactlyInAnyOrder(VariableRoutesTest.VARIABLE_DEFINITION_READ);
        assertThat(properties(schemas, "LabelRead")).containsExactlyInAnyOrder(VariableRoutesTest.LABEL_READ);
        assertThat(properties(schemas, "VersionRead")).containsExactlyInAnyOrder(VariableRoutesTest.VERSION_READ);
        assertThat(properties(schemas, "VariableConfig")).containsExactlyInAnyOrder(VariableRoutesTest.VARIABLE_CONFIG);
        assertThat(properties(schemas, "VariablesConfig")).containsExactly("variables");
        assertThat(schemas.get("RolloutOverride").get("properties").get("conditions").get("items")
                .get("discriminator").get("mapping").fieldNames()).toIterable().containsExactlyInAnyOrder(
                "value-equals", "value-does-not-equal", "value-is-in", "value-is-not-in", "value-matches-regex",
                "value-does-not-match-regex", "key-is-present", "key-is-not-present");
        assertThat(getDashboard.get("parameters").get(1).get("schema").has("format")).isFalse();
        assertThat(putDashboard.get("parameters").get(1).get("schema").get("format").asText()).isEqualTo("uuid");
        assertThat(putDashboard.get("responses").fieldNames()).toIterable().contains("200", "409", "422");
        assertThat(getVariable.get("parameters").get(1).get("name").asText()).isEqualTo("name");
        assertThat(getVariable.get("parameters").get(1).get("schema").has("format")).isFalse();
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
