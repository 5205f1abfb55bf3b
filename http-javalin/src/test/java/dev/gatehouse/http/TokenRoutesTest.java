package dev.gatehouse.http;

import static dev.gatehouse.http.TestServer.Response.fields;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.http.TestServer.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenRoutesTest {

    static final String[] TOKEN_CREATED = {"id", "project_id", "created_at", "description", "expires_at", "token"};
    static final String[] TOKEN_READ = {"id", "project_id", "created_at", "description", "expires_at", "project_name",
        "created_by_name", "token_prefix", "active", "last_used_at", "revoked_at"};

    static TestServer server;
    static String projectId;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        projectId = server.createProject("tokens");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @CsvSource({"write-tokens, gth_wt_", "read-tokens, gth_rt_"})
    void create_without_a_body_answers_201_with_the_token_once(String family, String prefix) {
        Response created = server.post(collection(family), server.adminToken, null);

        assertThat(created.status()).isEqualTo(201);
        assertThat(fields(created.json())).containsExactlyInAnyOrder(TOKEN_CREATED);
        assertThat(created.json().get("token").asText()).startsWith(prefix);
        assertThat(created.json().get("project_id").asText()).isEqualTo(projectId);
        assertThat(created.json().get("expires_at").isNull()).isTrue();
        assertThat(created.json().get("created_at").asText()).matches(ProjectRoutesTest.UTC_TIMESTAMP);
        assertThat(created.header("Cache-Control")).isEqualTo("no-store");
    }

    @ParameterizedTest
    @CsvSource({"write-tokens", "read-tokens"})
    void create_takes_an_expiry_and_list_shows_the_token_without_its_secret(String family) {
        Instant expiry = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Response created = server.post(collection(family), server.adminToken, "{\"expires_at\": \"" + expiry + "\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(Instant.parse(created.json().get("expires_at").asText())).isEqualTo(expiry);
        String id = created.json().get("id").asText();

        Response list = server.get(collection(family), server.adminToken);

        assertThat(list.status()).isEqualTo(200);
        JsonNode listed = find(list.json(), id);
        assertThat(fields(listed)).containsExactlyInAnyOrder(TOKEN_READ);
        assertThat(listed.get("active").asBoolean()).isTrue();
        assertThat(listed.get("project_name").asText()).isEqualTo("tokens");
        assertThat(created.json().get("token").asText()).startsWith(listed.get("token_prefix").asText());
        assertThat(list.body()).doesNotContain(created.json().get("token").asText());
    }

    @ParameterizedTest
    @CsvSource({"write-tokens, /v1/info", "read-tokens, /v1/read-token-info"})
    void rotate_answers_201_and_the_old_token_stops_authenticating(String family, String infoPath) {
        JsonNode old = server.post(collection(family), server.adminToken, "{}").json();
        assertThat(server.get(infoPath, old.get("token").asText()).status()).isEqualTo(200);

        Response rotated = server.post(collection(family) + old.get("id").asText() + "/rotate/", server.adminToken, null);

        assertThat(rotated.status()).isEqualTo(201);
        assertThat(fields(rotated.json())).containsExactlyInAnyOrder(TOKEN_CREATED);
        assertThat(rotated.json().get("id").asText()).isNotEqualTo(old.get("id").asText());
        assertThat(server.get(infoPath, old.get("token").asText()).status()).isEqualTo(401);
        assertThat(server.get(infoPath, rotated.json().get("token").asText()).status()).isEqualTo(200);
        Response again = server.post(collection(family) + old.get("id").asText() + "/rotate/", server.adminToken, null);
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void rotate_with_a_grace_period_keeps_the_old_token_working() {
        JsonNode old = server.post(collection("write-tokens"), server.adminToken, "{}").json();

        Response rotated = server.post(collection("write-tokens") + old.get("id").asText() + "/rotate/",
                server.adminToken, "{\"grace_period\": \"PT5M\"}");

        assertThat(rotated.status()).isEqualTo(201);
        assertThat(server.get("/v1/info", old.get("token").asText()).status()).isEqualTo(200);
    }

    @ParameterizedTest
    @CsvSource({"write-tokens, /v1/info", "read-tokens, /v1/read-token-info"})
    void expire_answers_204_and_the_token_is_refused(String family, String infoPath) {
        JsonNode token = server.post(collection(family), server.adminToken, "{}").json();

        Response expired = server.patch(collection(family) + token.get("id").asText() + "/expire/", server.adminToken, null);

        assertThat(expired.status()).isEqualTo(204);
        assertThat(expired.body()).isEmpty();
        assertThat(server.get(infoPath, token.get("token").asText()).status()).isEqualTo(401);
        JsonNode listed = find(server.get(collection(family), server.adminToken).json(), token.get("id").asText());
        assertThat(listed.get("active").asBoolean()).isFalse();
        assertThat(listed.get("expires_at").isNull()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"write-tokens, /v1/info", "read-tokens, /v1/read-token-info"})
    void a_revoked_token_is_refused_on_the_very_next_request(String family, String infoPath) {
        JsonNode token = server.post(collection(family), server.adminToken, "{}").json();
        String raw = token.get("token").asText();
        assertThat(server.get(infoPath, raw).status()).isEqualTo(200);

        Response revoked = server.delete(collection(family) + token.get("id").asText() + "/", server.adminToken);

        assertThat(revoked.status()).isEqualTo(204);
        assertThat(server.get(infoPath, raw).status()).isEqualTo(401);
        JsonNode listed = find(server.get(collection(family), server.adminToken).json(), token.get("id").asText());
        assertThat(listed.get("revoked_at").asText()).matches(ProjectRoutesTest.UTC_TIMESTAMP);
        assertThat(listed.get("active").asBoolean()).isFalse();
    }

    @Test
    void a_token_addressed_under_another_project_is_not_found() {
        String other = server.createProject("tokens-elsewhere");
        String tokenId = server.post(collection("write-tokens"), server.adminToken, "{}").json().get("id").asText();

        Response wrongProject = server.delete("/api/v1/projects/" + other + "/write-tokens/" + tokenId + "/", server.adminToken);
        Response wrongFamily = server.delete(collection("read-tokens") + tokenId + "/", server.adminToken);

        assertThat(wrongProject.status()).isEqualTo(404);
        assertThat(wrongFamily.status()).isEqualTo(404);
    }

    @Test
    void info_tells_a_write_token_its_project_whatever_the_header_form() {
        String token = server.post(collection("write-tokens"), server.adminToken, null).json().get("token").asText();

        for (String header : new String[] {"Bearer " + token, "bearer " + token, token}) {
            Response info = server.raw("GET", "/v1/info", Map.of("Authorization", header), null);
            assertThat(info.status()).as(header.startsWith("gth") ? "bare token" : header.substring(0, 6)).isEqualTo(200);
            assertThat(fields(info.json())).containsExactlyInAnyOrder("project_name", "project_id");
            assertThat(info.json().get("project_name").asText()).isEqualTo("tokens");
            assertThat(info.json().get("project_id").asText()).isEqualTo(projectId);
        }
    }

    @Test
    void read_token_info_tells_a_read_token_who_it_is() {
        JsonNode created = server.post(collection("read-tokens"), server.adminToken, null).json();

        Response info = server.raw("GET", "/v1/read-token-info", Map.of("Authorization", created.get("token").asText()), null);

        assertThat(info.status()).isEqualTo(200);
        assertThat(fields(info.json())).containsExactlyInAnyOrder(
                "token_id", "project_id", "project_name", "organization_id", "organization_name");
        assertThat(info.json().get("token_id").asText()).isEqualTo(created.get("id").asText());
        assertThat(info.json().get("project_id").asText()).isEqualTo(projectId);
        assertThat(info.json().get("project_name").asText()).isEqualTo("tokens");
        assertThat(info.json().get("organization_name").asText()).isEqualTo("acme");
    }

    @Test
    void a_token_of_the_wrong_kind_is_refused_naming_the_scope() {
        String writeToken = server.post(collection("write-tokens"), server.adminToken, null).json().get("token").asText();
        String readToken = server.post(collection("read-tokens"), server.adminToken, null).json().get("token").asText();

        Response writeOnReadInfo = server.get("/v1/read-token-info", writeToken);
        Response readOnInfo = server.get("/v1/info", readToken);

        assertThat(writeOnReadInfo.status()).isEqualTo(403);
        assertThat(writeOnReadInfo.json().get("detail").asText()).contains("project:read_otlp");
        assertThat(readOnInfo.status()).isEqualTo(403);
        assertThat(readOnInfo.json().get("detail").asText()).contains("project:write_otlp");
    }

    @Test
    void a_project_token_cannot_manage_anything() {
        String writeToken = server.post(collection("write-tokens"), server.adminToken, null).json().get("token").asText();

        Response listing = server.get(collection("write-tokens"), writeToken);

        assertThat(listing.status()).isEqualTo(403);
        assertThat(listing.json().get("detail").asText()).contains("project:write_token");
    }

    @Test
    void a_bare_token_is_accepted_on_the_data_plane_only() {
        Response bare = server.raw("GET", "/api/v1/projects/", Map.of("Authorization", server.adminToken), null);

        assertThat(bare.status()).isEqualTo(401);
    }

    static String collection(String family) {
        return "/api/v1/projects/" + projectId + "/" + family + "/";
    }

    static JsonNode find(JsonNode array, String id) {
        for (JsonNode item : array) {
            if (item.get("id").asText().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("no item " + id + " in " + array);
    }
}
