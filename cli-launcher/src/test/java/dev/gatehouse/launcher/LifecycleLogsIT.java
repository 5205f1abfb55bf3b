package dev.gatehouse.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.adapters.inmemory.InMemoryStorage;
import dev.gatehouse.core.Gatehouse;
import dev.gatehouse.core.internal.TokenFormat;
import dev.gatehouse.ports.model.CredentialKind;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A whole server lifecycle in one JVM with every log line captured: start, bootstrap, projects, tokens and keys
 * created, rotated and revoked over HTTP, failed authentication with tokens that look valid, shutdown. No token
 * may appear in any log line; the admin key appears once, on standard output.
 */
class LifecycleLogsIT {

    @Test
    void noLogLineOfAWholeLifecycleHoldsAnyToken() {
        StringWriter stdout = new StringWriter();
        List<String> issued = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        String logs;
        int port;
        try (LogCapture capture = new LogCapture()) {
            GatehouseServer server = GatehouseServer.start(
                    new GatehouseSettings(new StorageChoice.InMemory(), "pepper".getBytes(StandardCharsets.UTF_8),
                            null),
                    0, "default", new PrintWriter(stdout));
            try {
                port = server.port();
                runLifecycle(new ApiClient(port), Tokens.in(stdout.toString()).get(0), issued, refused);
            } finally {
                server.stop();
            }
            logs = capture.text();
        }

        assertThat(port).isPositive();
        assertThat(logs).contains("listening on port " + port).contains("Gatehouse stopped");
        assertThat(issued).hasSize(7).doesNotHaveDuplicates();
        for (String token : issued) {
            assertThat(logs).as("an issued token in the logs").doesNotContain(token);
        }
        for (String token : refused) {
            assertThat(logs).as("a refused token in the logs").doesNotContain(token);
        }
        assertThat(Tokens.in(logs)).isEmpty();
        String admin = issued.get(0);
        assertThat(Tokens.occurrences(stdout.toString(), admin)).isEqualTo(1);
        assertThat(Tokens.in(stdout.toString())).containsExactly(admin);
    }

    private static void runLifecycle(ApiClient api, String admin, List<String> issued, List<String> refused) {
        issued.add(admin);
        String project = api.createProject(admin, "web");

        ApiClient.Token write = api.createWriteToken(admin, project);
        issued.add(write.token());
        assertThat(api.info(write.token())).isEqualTo(200);
        ApiClient.Token rotated = api.rotateWriteToken(admin, project, write.id());
        issued.add(rotated.token());
        api.revokeWriteToken(admin, project, rotated.id());

        ApiClient.Response read = api.post("/api/v1/projects/" + project + "/read-tokens/", admin, "{}");
        assertThat(read.status()).as(read.body()).isEqualTo(201);
        issued.add(read.json().get("token").asText());
        assertThat(api.delete("/api/v1/projects/" + project + "/read-tokens/" + read.json().get("id").asText() + "/",
                admin).status()).isEqualTo(204);

        ApiClient.Response key = api.post("/api/v1/api-keys/", admin,
                "{\"name\": \"ci\", \"scopes\": [\"project:read\", \"project:write_token\"]}");
        assertThat(key.status()).as(key.body()).isEqualTo(201);
        String apiKey = key.json().get("token").asText();
        issued.add(apiKey);
        assertThat(api.get("/api/v1/projects/", apiKey).status()).isEqualTo(200);
        ApiClient.Token byKey = api.createWriteToken(apiKey, project);
        issued.add(byKey.token());
        String keyId = key.json().get("api_key").get("id").asText();
        assertThat(api.delete("/api/v1/api-keys/" + keyId + "/", admin).status()).isEqualTo(204);

        refused.add(foreignAdminKey());
        refused.add(new TokenFormat("gth", new SecureRandom()).generate(CredentialKind.WRITE_TOKEN));
        refused.add(new TokenFormat("gth", new SecureRandom()).generate(CredentialKind.API_KEY));
        refused.add(Tokens.mutated(admin));
        refused.add(Tokens.mutated(byKey.token()));
        for (String token : refused) {
            assertThat(api.get("/api/v1/projects/", token).status()).isEqualTo(401);
            assertThat(api.info(token)).isEqualTo(401);
        }
        for (String stale : List.of(write.token(), rotated.token(), apiKey)) {
            assertThat(api.get("/api/v1/projects/", stale).status()).isEqualTo(401);
        }
        assertThat(api.info(write.token())).isEqualTo(401);
        assertThat(api.getWithAuthorization("/api/v1/projects/", "Token " + admin).status()).isEqualTo(401);
        assertThat(api.getWithAuthorization("/api/v1/projects/", "Bearer " + refused.get(0) + " extra").status())
                .isEqualTo(401);
        assertThat(api.getWithAuthorization("/api/v1/projects/", "Basic "
                + Base64.getEncoder().encodeToString((admin + ":").getBytes(StandardCharsets.UTF_8))).status())
                .isEqualTo(401);
        assertThat(api.getWithAuthorization("/api/v1/projects/?api_key=" + admin, null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/projects/" + refused.get(1) + "/", admin).status()).isBetween(400, 499);
        issued.add(api.createWriteToken(admin, project).token());
    }

    /** A well-formed admin key of another installation: right shape and checksum, unknown here. */
    private static String foreignAdminKey() {
        InMemoryStorage storage = InMemoryStorage.create();
        try (Gatehouse other = Gatehouse.builder().storage(storage).build()) {
            return other.bootstrap().bootstrapIfEmpty("other").orElseThrow().token();
        }
    }
}
