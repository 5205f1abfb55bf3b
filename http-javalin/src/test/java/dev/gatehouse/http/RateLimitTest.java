package dev.gatehouse.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.http.TestServer.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RateLimitTest {

    TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(HttpSettings.defaults().withRateLimit(2, 0.01));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void a_credential_past_its_burst_gets_429_with_retry_after() {
        String other = server.createApiKey(null, "project:read");
        assertThat(server.get("/api/v1/projects/", server.adminToken).status()).isEqualTo(200);

        Response limited = server.get("/api/v1/projects/", server.adminToken);

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.body()).isEqualTo("{\"detail\":\"Rate limit exceeded\"}");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 100L);
        assertThat(limited.header("X-Request-Id")).isNotBlank();
        assertThat(server.get("/api/v1/projects/", other).status()).as("another credential has its own bucket").isEqualTo(200);
    }

    @Test
    void failed_authentication_is_limited_per_client_address() {
        assertThat(server.get("/api/v1/projects/", "gth_ak_guess1").status()).isEqualTo(401);
        assertThat(server.get("/v1/info", "gth_wt_guess2").status()).isEqualTo(401);

        Response limited = server.get("/api/v1/projects/", "gth_ak_guess3");

        assertThat(limited.status()).isEqualTo(429);
        assertThat(Long.parseLong(limited.header("Retry-After"))).isPositive();
        assertThat(server.get("/api/v1/projects/", server.adminToken).status()).as("valid credentials are unaffected").isEqualTo(200);
    }

    @Test
    void public_routes_are_not_limited() {
        for (int i = 0; i < 10; i++) {
            assertThat(server.get("/health", null).status()).isEqualTo(200);
        }
    }
}
