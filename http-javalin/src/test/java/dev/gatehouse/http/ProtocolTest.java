package dev.gatehouse.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.http.TestServer.Response;
import dev.gatehouse.ports.in.Alerts;
import dev.gatehouse.ports.in.AuditLog;
import dev.gatehouse.ports.in.Bootstrap;
import dev.gatehouse.ports.in.Channels;
import dev.gatehouse.ports.in.Credentials;
import dev.gatehouse.ports.in.Dashboards;
import dev.gatehouse.ports.in.Organizations;
import dev.gatehouse.ports.in.Projects;
import dev.gatehouse.ports.in.UseCases;
import dev.gatehouse.ports.in.Variables;
import dev.gatehouse.ports.in.Verifier;
import dev.gatehouse.ports.model.StorageException;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Request ids, unknown routes, body limits and the mapping of unexpected and storage failures. */
class ProtocolTest {

    static final String FAILING_PROJECT = "00000000-0000-0000-0000-00000000dead";

    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.UNTHROTTLED.withMaxRequestBodyBytes(1024), ProtocolTest::failingProjects);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void every_response_carries_a_request_id() {
        Response success = server.get("/api/v1/projects/", server.adminToken);
        Response unauthenticated = server.get("/api/v1/projects/", null);
        Response invalid = server.get("/api/v1/projects/not-a-uuid/", server.adminToken);
        Response unknownRoute = server.get("/api/v2/nothing/", server.adminToken);
        Response wrongMethod = server.send("PATCH", "/api/v1/projects/", server.adminToken, "{}");
        Response health = server.get("/health", null);

        for (Response response : new Response[] {success, unauthenticated, invalid, unknownRoute, wrongMethod, health}) {
            assertThat(response.header("X-Request-Id")).isNotBlank();
            assertThat(UUID.fromString(response.header("X-Request-Id"))).isNotNull();
        }
        assertThat(success.header("X-Request-Id")).isNotEqualTo(health.header("X-Request-Id"));
    }

    @Test
    void a_sane_incoming_request_id_is_echoed_and_an_odd_one_replaced() {
        Response sane = server.raw("GET", "/health", Map.of("X-Request-Id", "trace-42.abc_DEF:7"), null);
        Response odd = server.raw("GET", "/nowhere", Map.of("X-Request-Id", "<script>alert(1)</script>"), null);
        Response tooLong = server.raw("GET", "/health", Map.of("X-Request-Id", "a".repeat(200)), null);

        assertThat(sane.header("X-Request-Id")).isEqualTo("trace-42.abc_DEF:7");
        assertThat(UUID.fromString(odd.header("X-Request-Id"))).isNotNull();
        assertThat(UUID.fromString(tooLong.header("X-Request-Id"))).isNotNull();
    }

    @Test
    void unknown_routes_and_methods_answer_json_details() {
        Response unknown = server.get("/api/v1/nothing-here/", server.adminToken);
        Response wrongMethod = server.send("PATCH", "/api/v1/projects/", server.adminToken, "{}");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("{\"detail\":\"Not Found\"}");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.body()).isEqualTo("{\"detail\":\"Method Not Allowed\"}");
    }

    @Test
    void a_head_request_is_authenticated_as_its_get_is() {
        Response created = server.post("/api/v1/api-keys/", server.adminToken,
                "{\"name\": \"revoked\", \"scopes\": [\"project:read\"]}");
        String revoked = created.json().get("token").asText();
        server.send("DELETE", "/api/v1/api-keys/" + created.json().get("api_key").get("id").asText() + "/",
                server.adminToken, null);

        Response anonymous = server.raw("HEAD", "/api/v1/projects/", Map.of(), null);
        Response withRevokedKey = server.send("HEAD", "/api/v1/projects/", revoked, null);
        Response withAdminKey = server.send("HEAD", "/api/v1/projects/", server.adminToken, null);

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(withRevokedKey.status()).isEqualTo(401);
        assertThat(withAdminKey.status()).isEqualTo(200);
        assertThat(withAdminKey.body()).isEmpty();
        assertThat(server.raw("HEAD", "/health", Map.of(), null).status()).isEqualTo(200);
    }

    @Test
    void a_request_jetty_refuses_still_gets_a_json_detail_and_a_request_id() throws Exception {
        String raw;
        try (Socket socket = new Socket("localhost", server.app.port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/v1/projects/%zz/ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            raw = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(raw).startsWith("HTTP/1.1 400");
        assertThat(raw).containsIgnoringCase("X-Request-Id: ").containsIgnoringCase("Content-Type: application/json");
        assertThat(raw).endsWith("{\"detail\":\"Bad Request\"}").doesNotContain("<html");
    }

    @Test
    void a_body_over_the_limit_is_a_413_and_changes_nothing() {
        String before = server.get("/api/v1/projects/", server.adminToken).body();

        Response response = server.post("/api/v1/projects/", server.adminToken,
                "{\"project_name\": \"huge\", \"description\": \"" + "x".repeat(2000) + "\"}");

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.body()).isEqualTo("{\"detail\":\"Request body too large\"}");
        assertThat(response.header("X-Request-Id")).isNotBlank();
        assertThat(server.get("/api/v1/projects/", server.adminToken).body()).isEqualTo(before);
        assertThat(server.post("/api/v1/projects/", server.adminToken, "{\"project_name\": \"small\"}").status())
                .isEqualTo(201);
    }

    @Test
    void an_unexpected_failure_is_a_bare_500() {
        Response response = server.put("/api/v1/projects/" + FAILING_PROJECT + "/", server.adminToken, "{\"description\": \"x\"}");

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.body()).isEqualTo("{\"detail\":\"Internal server error\"}");
        assertThat(response.header("X-Request-Id")).isNotBlank();
    }

    @Test
    void a_storage_failure_is_a_503() {
        Response response = server.get("/api/v1/projects/" + FAILING_PROJECT + "/", server.adminToken);

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.body()).isEqualTo("{\"detail\":\"Storage unavailable\"}");
    }

    @Test
    void the_docs_page_loads_swagger_ui_pointed_at_the_document() {
        Response page = server.get("/api/docs", null);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("'/api/openapi.json'");
        String bundle = page.body().replaceAll("(?s).*<script src=\"([^\"]+)\".*", "$1");
        assertThat(bundle).startsWith("/webjars/swagger-ui/");
        Response script = server.get(bundle, null);
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.body()).contains("SwaggerUIBundle");
    }

    /** The real ports, except that a get of {@link #FAILING_PROJECT} loses storage and its update blows up. */
    static UseCases failingProjects(UseCases real) {
        Projects projects = (Projects) Proxy.newProxyInstance(Projects.class.getClassLoader(), new Class<?>[] {Projects.class},
                (proxy, method, args) -> {
                    boolean failing = args != null && args.length > 1 && FAILING_PROJECT.equals(String.valueOf(args[1]));
                    if (failing && method.getName().equals("get")) {
                        throw new StorageException("connection refused", new IOException("refused"));
                    }
                    if (failing && method.getName().equals("update")) {
                        throw new IllegalStateException("a bug that must not leak");
                    }
                    try {
                        return method.invoke(real.projects(), args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return new UseCases() {
            @Override
            public Projects projects() {
                return projects;
            }

            @Override
            public Credentials credentials() {
                return real.credentials();
            }

            @Override
            public Verifier verifier() {
                return real.verifier();
            }

            @Override
            public Organizations organizations() {
                return real.organizations();
            }

            @Override
            public Bootstrap bootstrap() {
                return real.bootstrap();
            }

            @Override
            public AuditLog auditLog() {
                return real.auditLog();
            }

            @Override
            public Channels channels() {
                return real.channels();
            }

            @Override
            public Alerts alerts() {
                return real.alerts();
            }

            @Override
            public Dashboards dashboards() {
                return real.dashboards();
            }

            @Override
            public Variables variables() {
                return real.variables();
            }
        };
    }
}
