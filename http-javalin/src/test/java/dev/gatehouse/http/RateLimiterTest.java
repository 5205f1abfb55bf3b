package dev.gatehouse.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));

    @Test
    void a_full_bucket_allows_a_burst_then_says_how_long_to_wait() {
        RateLimiter limiter = new RateLimiter(3, 0.5, clock);

        assertThat(List.of(limiter.acquire("k"), limiter.acquire("k"), limiter.acquire("k"))).containsOnly(0L);
        assertThat(limiter.acquire("k")).isEqualTo(2);
    }

    @Test
    void the_bucket_refills_at_the_configured_rate() {
        RateLimiter limiter = new RateLimiter(1, 4, clock);
        assertThat(limiter.acquire("k")).isZero();
        assertThat(limiter.acquire("k")).isEqualTo(1);

        clock.advance(Duration.ofMillis(200));
        assertThat(limiter.acquire("k")).as("0.8 tokens are not enough").isEqualTo(1);
        clock.advance(Duration.ofMillis(60));
        assertThat(limiter.acquire("k")).isZero();
    }

    @Test
    void a_clock_set_back_does_not_keep_the_bucket_empty_until_it_catches_up() {
        RateLimiter limiter = new RateLimiter(1, 4, clock);
        assertThat(limiter.acquire("k")).isZero();
        assertThat(limiter.acquire("k")).isEqualTo(1);

        clock.advance(Duration.ofHours(-1));
        assertThat(limiter.acquire("k")).as("no time has passed on the new clock").isEqualTo(1);
        clock.advance(Duration.ofMillis(260));
        assertThat(limiter.acquire("k")).as("a quarter second refills a token at 4 per second").isZero();
    }

    @Test
    void refused_requests_do_not_consume_tokens() {
        RateLimiter limiter = new RateLimiter(1, 1, clock);
        limiter.acquire("k");
        for (int i = 0; i < 10; i++) {
            limiter.acquire("k");
        }

        clock.advance(Duration.ofSeconds(1));

        assertThat(limiter.acquire("k")).isZero();
    }

    @Test
    void retry_after_is_whole_seconds_and_at_least_one() {
        RateLimiter fast = new RateLimiter(1, 1000, clock);
        RateLimiter slow = new RateLimiter(1, 0.3, clock);
        fast.acquire("k");
        slow.acquire("k");

        assertThat(fast.acquire("k")).isEqualTo(1);
        assertThat(slow.acquire("k")).isEqualTo(4);
    }

    @Test
    void callers_have_separate_buckets() {
        RateLimiter limiter = new RateLimiter(1, 0.01, clock);

        assertThat(limiter.acquire("a")).isZero();
        assertThat(limiter.acquire("b")).isZero();
        assertThat(limiter.acquire("a")).isPositive();
    }

    @Test
    void a_sweep_forgets_buckets_that_have_refilled() {
        RateLimiter limiter = new RateLimiter(10, 10, clock);
        for (int i = 0; i < 1000; i++) {
            limiter.acquire("caller-" + i);
        }
        assertThat(limiter.size()).isEqualTo(1000);

        clock.advance(Duration.ofMillis(50));
        limiter.acquire("busy");
        limiter.acquire("busy");
        clock.advance(Duration.ofMillis(60));
        limiter.sweep(limiter.now());

        assertThat(limiter.size()).as("only the bucket still below capacity").isEqualTo(1);
    }

    @Test
    void the_limiter_sweeps_on_its_own_as_time_passes() {
        RateLimiter limiter = new RateLimiter(5, 5, clock);
        for (int i = 0; i < 100; i++) {
            limiter.acquire("caller-" + i);
        }

        clock.advance(Duration.ofMinutes(1));
        limiter.acquire("late");

        assertThat(limiter.size()).isEqualTo(1);
    }

    @Test
    void concurrent_callers_never_get_more_than_the_burst() throws Exception {
        RateLimiter limiter = new RateLimiter(50, 0.001, clock);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        try {
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    int allowed = 0;
                    for (int i = 0; i < 100; i++) {
                        allowed += limiter.acquire("shared") == 0 ? 1 : 0;
                    }
                    return allowed;
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> result : results) {
                total += result.get(10, TimeUnit.SECONDS);
            }
            assertThat(total).isEqualTo(50);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void settings_have_documented_defaults_and_refuse_nonsense() {
        HttpSettings defaults = HttpSettings.defaults();

        assertThat(defaults.rateLimitBurst()).isEqualTo(50);
        assertThat(defaults.rateLimitPerSecond()).isEqualTo(20.0);
        assertThat(defaults.maxRequestBodyBytes()).isEqualTo(1024 * 1024);
        assertThatThrownBy(() -> defaults.withRateLimit(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withRateLimit(1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withRateLimit(1, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withMaxRequestBodyBytes(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
