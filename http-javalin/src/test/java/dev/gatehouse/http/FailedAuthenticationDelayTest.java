package dev.gatehouse.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.http.TestServer.Response;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Refused authentications are answered after the configured delay; valid requests never wait for it. */
class FailedAuthenticationDelayTest {

    @Test
    void aRefusedTokenIsAnsweredWithTheUsual401OnlyAfterTheDelay() {
        Duration delay = Duration.ofMillis(300);
        try (TestServer server = TestServer.start(TestServer.UNTHROTTLED.withFailedAuthenticationDelay(delay))) {
            long start = System.nanoTime();
            Response refused = server.get("/api/v1/projects/", "gth_ak_guess");
            Duration waited = Duration.ofNanos(System.nanoTime() - start);

            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.body()).isEqualTo("{\"detail\":\"Invalid authentication credentials\"}");
            assertThat(refused.header("WWW-Authenticate")).isEqualTo("Bearer");
            assertThat(refused.header("X-Request-Id")).isNotBlank();
            assertThat(waited).isGreaterThanOrEqualTo(delay);
        }
    }

    @Test
    void aValidRequestIsServedWhileRefusalsAreStillWaiting() {
        Duration delay = Duration.ofSeconds(3);
        try (TestServer server = TestServer.start(TestServer.UNTHROTTLED.withFailedAuthenticationDelay(delay))) {
            CompletableFuture<Response> refused = CompletableFuture.supplyAsync(
                    () -> server.get("/v1/info", "gth_wt_guess"));

            assertThat(server.get("/api/v1/projects/", server.adminToken).status()).isEqualTo(200);
            assertThat(refused).as("the refusal waits for its delay").isNotDone();
        }
    }

    @Test
    void withoutADelayTheRefusalIsTheSame() {
        try (TestServer server = TestServer.start(TestServer.UNTHROTTLED.withFailedAuthenticationDelay(Duration.ZERO))) {
            Response refused = server.get("/v1/info", "gth_wt_guess");

            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.body()).isEqualTo("{\"detail\":\"Invalid authentication credentials\"}");
            assertThat(refused.header("WWW-Authenticate")).isEqualTo("Bearer");
        }
    }

    @Test
    void aNegativeDelayIsRefused() {
        assertThatThrownBy(() -> HttpSettings.defaults().withFailedAuthenticationDelay(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("failedAuthenticationDelay must not be negative");
    }

    @Test
    void aDelayBeyondAMinuteIsRefused() {
        assertThat(HttpSettings.defaults().withFailedAuthenticationDelay(Duration.ofMinutes(1))
                .failedAuthenticationDelay()).isEqualTo(Duration.ofMinutes(1));
        assertThatThrownBy(() -> HttpSettings.defaults().withFailedAuthenticationDelay(Duration.ofSeconds(61)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("failedAuthenticationDelay must be at most PT1M");
    }
}
