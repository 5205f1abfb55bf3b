package dev.gatehouse.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.adapters.inmemory.InMemoryStorage;
import dev.gatehouse.core.Gatehouse;
import dev.gatehouse.http.TestServer.Response;
import dev.gatehouse.ports.model.DenialReason;
import dev.gatehouse.ports.model.VerifyResult;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AuthenticationTest {

    static final String UNAUTHENTICATED = "{\"detail\":\"Invalid authentication credentials\"}";

    static TestServer server;
    static String projectId;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        projectId = server.createProject("auth");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void every_denial_reason_gets_the_same_401() {
        Map<DenialReason, String> tokens = new LinkedHashMap<>();
        tokens.put(DenialReason.MALFORMED, "gth_ak_not-a-real-token");
        tokens.put(DenialReason.NOT_FOUND, tokenOfAnotherInstallation());
        tokens.put(DenialReason.REVOKED, revokedKey());
        tokens.put(DenialReason.EXPIRED, expiredWriteToken());
        tokens.forEach((reason, token) -> assertThat(server.gatehouse.verifier().verify(token))
                .as(reason.name())
                .isEqualTo(VerifyResult.Denied.because(reason)));

        List<Response> responses = new ArrayList<>();
        for (String token : tokens.values()) {
            responses.add(server.get("/api/v1/projects/", token));
            responses.add(server.get("/api/v1/projects/" + projectId + "/write-tokens/", token));
            responses.add(server.get("/v1/info", token));
            responses.add(server.raw("GET", "/v1/read-token-info", Map.of("Authorization", token), null));
        }
        responses.add(server.get("/api/v1/projects/", null));
        responses.add(server.raw("GET", "/api/v1/projects/", Map.of("Authorization", "Basic dXNlcjpwYXNz"), null));
        responses.add(server.raw("GET", "/api/v1/projects/", Map.of("Authorization", "Bearer"), null));
        responses.add(server.raw("GET", "/v1/info", Map.of("Authorization", ""), null));

        for (Response response : responses) {
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.body()).isEqualTo(UNAUTHENTICATED);
            assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
            for (String token : tokens.values()) {
                assertThat(response.body()).doesNotContain(token);
            }
        }
    }

    @Test
    void no_error_body_repeats_a_token() {
        String token = server.createApiKey(null, "project:read");
        List<Response> responses = List.of(
                server.get("/api/v1/projects/not-a-uuid/", token),
                server.post("/api/v1/projects/", token, "{\"project_name\": \"nope\"}"),
                server.get("/api/v1/projects/" + UUID.randomUUID() + "/", token),
                server.get("/api/v1/nothing-here/", token),
                server.post("/api/v1/projects/", server.adminToken, "{\"project_name\": " + token + "}"));

        assertThat(responses).extracting(Response::status).containsExactly(422, 403, 404, 404, 422);
        for (Response response : responses) {
            assertThat(response.body()).doesNotContain(token).doesNotContain(server.adminToken).doesNotContain("Bearer");
        }
    }

    @Test
    void the_bearer_scheme_is_case_insensitive() {
        Response lower = server.raw("GET", "/api/v1/projects/", Map.of("Authorization", "bearer " + server.adminToken), null);

        assertThat(lower.status()).isEqualTo(200);
    }

    @Test
    void a_token_with_one_letter_in_the_other_case_is_refused_on_the_connection_that_sent_the_real_one() {
        String collection = "/api/v1/projects/" + projectId + "/write-tokens/";
        String writeToken = server.post(collection, server.adminToken, null).json().get("token").asText();
        Map<String, String> pathByToken = Map.of(
                server.adminToken, "/api/v1/projects/",
                writeToken, "/v1/info");

        // One client sends one request at a time, so every request reuses the connection of the one before.
        pathByToken.forEach((token, path) -> {
            for (int round = 0; round < 3; round++) {
                assertThat(server.get(path, token).status()).as(path).isEqualTo(200);
                assertThat(server.get(path, oneLetterInTheOtherCase(token)).status()).as(path).isEqualTo(401);
            }
        });
    }

    /** The token with the first letter of its secret in the other case: a token that differs only in case. */
    private static String oneLetterInTheOtherCase(String token) {
        int secretStart = "gth_ak_".length();
        for (int i = secretStart; i < token.length(); i++) {
            char c = token.charAt(i);
            if (Character.isLetter(c)) {
                char other = Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
                return token.substring(0, i) + other + token.substring(i + 1);
            }
        }
        throw new IllegalArgumentException("a token without a letter in its secret");
    }

    private static String tokenOfAnotherInstallation() {
        try (Gatehouse other = Gatehouse.builder().storage(InMemoryStorage.create()).clock(Clock.systemUTC())
                .pepper("another-installation-pepper-012345".getBytes(StandardCharsets.UTF_8)).build()) {
            return other.bootstrap().bootstrapIfEmpty("elsewhere").orElseThrow().token();
        }
    }

    private static String revokedKey() {
        Response created = server.post("/api/v1/api-keys/", server.adminToken, "{\"name\": \"revoked\", \"scopes\": [\"project:read\"]}");
        String id = created.json().get("api_key").get("id").asText();
        assertThat(server.delete("/api/v1/api-keys/" + id + "/", server.adminToken).status()).isEqualTo(204);
        return created.json().get("token").asText();
    }

    private static String expiredWriteToken() {
        String collection = "/api/v1/projects/" + projectId + "/write-tokens/";
        Response created = server.post(collection, server.adminToken, null);
        String id = created.json().get("id").asText();
        assertThat(server.patch(collection + id + "/expire/", server.adminToken, null).status()).isEqualTo(204);
        return created.json().get("token").asText();
    }
}
