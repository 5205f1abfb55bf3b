package dev.gatehouse.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.adapters.inmemory.InMemoryStorage;
import dev.gatehouse.core.Gatehouse;
import dev.gatehouse.ports.in.UseCases;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** A Gatehouse on in-memory storage behind the HTTP API on an ephemeral port, with a JDK client to drive it. */
final class TestServer implements AutoCloseable {

    /** Settings that never throttle the tests that are not about throttling. */
    static final HttpSettings UNTHROTTLED = HttpSettings.defaults().withRateLimit(100_000, 100_000);

    private static final ObjectMapper JSON = new ObjectMapper();

    final Gatehouse gatehouse;
    final Javalin app;
    final String adminToken;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    private TestServer(Gatehouse gatehouse, Javalin app, String adminToken) {
        this.gatehouse = gatehouse;
        this.app = app;
        this.adminToken = adminToken;
        this.base = "http://localhost:" + app.port();
    }

    static TestServer start() {
        return start(UNTHROTTLED, UnaryOperator.identity());
    }

    static TestServer start(HttpSettings settings) {
        return start(settings, UnaryOperator.identity());
    }

    /** Starts a server whose inbound ports are {@code wrap}ped, for tests that make a port fail. */
    static TestServer start(HttpSettings settings, UnaryOperator<UseCases> wrap) {
        return start(settings, wrap, UnaryOperator.identity());
    }

    /** Starts a server whose Gatehouse is further {@code configure}d, for tests of its write-behind. */
    static TestServer start(HttpSettings settings, UnaryOperator<UseCases> wrap,
            UnaryOperator<Gatehouse.Builder> configure) {
        Gatehouse gatehouse = configure.apply(Gatehouse.builder()
                .storage(InMemoryStorage.create())
                .clock(Clock.systemUTC())
                .pepper("http-test-pepper-0123456789abcdef".getBytes(StandardCharsets.UTF_8)))
                .build();
        String admin = gatehouse.bootstrap().bootstrapIfEmpty("acme").orElseThrow().token();
        Javalin app = HttpApi.create(wrap.apply(gatehouse), settings).start(0);
        return new TestServer(gatehouse, app, admin);
    }

    Response get(String path, String token) {
        return send("GET", path, token, null);
    }

    Response post(String path, String token, String body) {
        return send("POST", path, token, body);
    }

    Response put(String path, String token, String body) {
        return send("PUT", path, token, body);
    }

    Response patch(String path, String token, String body) {
        return send("PATCH", path, token, body);
    }

    Response delete(String path, String token) {
        return send("DELETE", path, token, null);
    }

    /** Sends with {@code Authorization: Bearer <token>} unless token is null, and a JSON body unless it is null. */
    Response send(String method, String path, String token, String body) {
        return token == null ? raw(method, path, Map.of(), body) : raw(method, path, Map.of("Authorization", "Bearer " + token), body);
    }

    Response raw(String method, String path, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Creates a project with the admin key and returns its id. */
    String createProject(String name) {
        Response created = post("/api/v1/projects/", adminToken, "{\"project_name\": \"" + name + "\"}");
        if (created.status() != 201) {
            throw new IllegalStateException("could not create project " + name + ": " + created);
        }
        return created.json().get("id").asText();
    }

    /** Creates an API key with {@code scopes}, bound to {@code projectId} unless it is null, and returns its token. */
    String createApiKey(String projectId, String... scopes) {
        StringBuilder body = new StringBuilder("{\"name\": \"test key\", \"scopes\": [");
        for (int i = 0; i < scopes.length; i++) {
            body.append(i == 0 ? "" : ", ").append('"').append(scopes[i]).append('"');
        }
        body.append("], \"project_id\": ").append(projectId == null ? "null" : "\"" + projectId + "\"").append('}');
        Response created = post("/api/v1/api-keys/", adminToken, body.toString());
        if (created.status() != 201) {
            throw new IllegalStateException("could not create an API key: " + created);
        }
        return created.json().get("token").asText();
    }

    @Override
    public void close() {
        app.stop();
        gatehouse.close();
    }

    /** One response: status, headers and body text. */
    record Response(int status, Map<String, List<String>> headers, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        String header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }

        /** The field names of a JSON object node. */
        static List<String> fields(JsonNode node) {
            List<String> names = new ArrayList<>();
            Iterator<String> iterator = node.fieldNames();
            iterator.forEachRemaining(names::add);
            return names;
        }
    }
}
