package dev.gatehouse.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/** Drives a Gatehouse server over HTTP as a Logfire client would, with the JDK client. */
final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** A response: its status and body. */
    record Response(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }
    }

    /** A write token as its creation returned it. */
    record Token(String id, String token) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final URI base;
    private final boolean keepAlive;

    private ApiClient(int port, boolean keepAlive) {
        this.base = URI.create("http://127.0.0.1:" + port);
        this.keepAlive = keepAlive;
    }

    /** A client that keeps its connections open between requests, as most clients do. */
    ApiClient(int port) {
        this(port, true);
    }

    /**
     * A client that closes its connection after each request, as curl does: a server stopped right after the last
     * request then has no idle connection to wait for. It cannot send {@code PATCH}, which
     * {@code HttpURLConnection} does not know.
     */
    static ApiClient closingConnections(int port) {
        return new ApiClient(port, false);
    }

    Response get(String path, String token) {
        return send("GET", path, bearer(token), null);
    }

    Response post(String path, String token, String json) {
        return send("POST", path, bearer(token), json);
    }

    Response patch(String path, String token) {
        return send("PATCH", path, bearer(token), null);
    }

    Response delete(String path, String token) {
        return send("DELETE", path, bearer(token), null);
    }

    /** Sends a request with a raw {@code Authorization} header, or none where it is null. */
    Response getWithAuthorization(String path, String authorization) {
        return send("GET", path, authorization, null);
    }

    String createProject(String key, String name) {
        Response created = post("/api/v1/projects/", key, "{\"project_name\": \"" + name + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    Token createWriteToken(String key, String projectId) {
        return createWriteToken(key, projectId, null);
    }

    Token createWriteToken(String key, String projectId, Instant expiresAt) {
        String body = expiresAt == null ? "{}" : "{\"expires_at\": \"" + expiresAt + "\"}";
        Response created = post("/api/v1/projects/" + projectId + "/write-tokens/", key, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return token(created);
    }

    Token rotateWriteToken(String key, String projectId, String tokenId) {
        Response rotated = post("/api/v1/projects/" + projectId + "/write-tokens/" + tokenId + "/rotate/", key, "{}");
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(201);
        return token(rotated);
    }

    void revokeWriteToken(String key, String projectId, String tokenId) {
        Response revoked = delete("/api/v1/projects/" + projectId + "/write-tokens/" + tokenId + "/", key);
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(204);
    }

    void expireWriteToken(String key, String projectId, String tokenId) {
        Response expired = patch("/api/v1/projects/" + projectId + "/write-tokens/" + tokenId + "/expire/", key);
        assertThat(expired.status()).as(expired.body()).isEqualTo(204);
    }

    /** The status of {@code GET /v1/info} with a write token: 200 while it works, 401 once it does not. */
    int info(String writeToken) {
        return get("/v1/info", writeToken).status();
    }

    private static Token token(Response response) {
        JsonNode json = response.json();
        return new Token(json.get("id").asText(), json.get("token").asText());
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    private Response send(String method, String path, String authorization, String json) {
        try {
            return keepAlive ? sendKeepingAlive(method, path, authorization, json)
                    : sendClosing(method, path, authorization, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Response sendKeepingAlive(String method, String path, String authorization, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body());
    }

    private Response sendClosing(String method, String path, String authorization, String json) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) base.resolve(path).toURL().openConnection();
        connection.setConnectTimeout((int) TIMEOUT.toMillis());
        connection.setReadTimeout((int) TIMEOUT.toMillis());
        connection.setRequestMethod(method);
        connection.setRequestProperty("Connection", "close");
        if (authorization != null) {
            connection.setRequestProperty("Authorization", authorization);
        }
        if (json != null) {
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", "application/json");
            try (OutputStream body = connection.getOutputStream()) {
                body.write(json.getBytes(StandardCharsets.UTF_8));
            }
        }
        int status = connection.getResponseCode();
        InputStream stream = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
        String body = stream == null ? "" : new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        connection.disconnect();
        return new Response(status, body);
    }
}
