package dev.gatehouse.http;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How the HTTP API limits its callers.
 *
 * <p>Rate limiting is a token bucket per credential (per client IP for failed authentication): a caller may burst
 * {@code rateLimitBurst} requests, then sustain {@code rateLimitPerSecond}. The defaults (50 burst, 20 per second)
 * leave any scripted client or CI pipeline unthrottled while stopping a runaway loop or a token-guessing attempt.
 *
 * @param rateLimitBurst the bucket capacity: requests a caller may make at once after being idle; at least 1
 * @param rateLimitPerSecond how many requests per second refill the bucket; greater than 0
 * <p>A refused authentication (401, or 429 for too many of them) is answered only after
 * {@code failedAuthenticationDelay} plus a random jitter of up to as much again, without holding a thread meanwhile:
 * a client flooding the server with bad tokens over a few connections then waits instead of taking the CPU from
 * valid clients, and guessing slows down.
 *
 * @param maxRequestBodyBytes the largest request body accepted; a larger one is answered 413; at least 1
 * @param clock the clock that refills buckets and decides whether a listed credential is {@code active}
 * @param failedAuthenticationDelay how long a refused authentication waits for its answer at least; zero to a minute
 *     (zero answers at once)
 */
public record HttpSettings(int rateLimitBurst, double rateLimitPerSecond, long maxRequestBodyBytes, Clock clock,
        Duration failedAuthenticationDelay) {

    /**
     * The longest failed-authentication delay: a client waits up to twice as long for its refusal, and no client
     * waits minutes for an answer (nor would the delay and its jitter fit the scheduler's nanoseconds much beyond).
     */
    public static final Duration MAX_FAILED_AUTHENTICATION_DELAY = Duration.ofMinutes(1);

    /** The default bucket capacity. */
    public static final int DEFAULT_RATE_LIMIT_BURST = 50;
    /** The default sustained rate, in requests per second. */
    public static final double DEFAULT_RATE_LIMIT_PER_SECOND = 20.0;
    /** The default request body limit: 1 MiB. */
    public static final long DEFAULT_MAX_REQUEST_BODY_BYTES = 1024 * 1024;
    /** The default least wait before a refused authentication is answered (at most twice that with the jitter). */
    public static final Duration DEFAULT_FAILED_AUTHENTICATION_DELAY = Duration.ofMillis(50);

    public HttpSettings {
        if (rateLimitBurst < 1) {
            throw new IllegalArgumentException("rateLimitBurst must be at least 1");
        }
        if (!(rateLimitPerSecond > 0) || Double.isInfinite(rateLimitPerSecond)) {
            throw new IllegalArgumentException("rateLimitPerSecond must be a finite number greater than 0");
        }
        if (maxRequestBodyBytes < 1) {
            throw new IllegalArgumentException("maxRequestBodyBytes must be at least 1");
        }
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(failedAuthenticationDelay, "failedAuthenticationDelay");
        if (failedAuthenticationDelay.isNegative()) {
            throw new IllegalArgumentException("failedAuthenticationDelay must not be negative");
        }
        if (failedAuthenticationDelay.compareTo(MAX_FAILED_AUTHENTICATION_DELAY) > 0) {
            throw new IllegalArgumentException(
                    "failedAuthenticationDelay must be at most " + MAX_FAILED_AUTHENTICATION_DELAY);
        }
    }

    /** 50 requests burst, 20 per second sustained, 1 MiB bodies, the system clock, refusals answered after 50 ms. */
    public static HttpSettings defaults() {
        return new HttpSettings(DEFAULT_RATE_LIMIT_BURST, DEFAULT_RATE_LIMIT_PER_SECOND,
                DEFAULT_MAX_REQUEST_BODY_BYTES, Clock.systemUTC(), DEFAULT_FAILED_AUTHENTICATION_DELAY);
    }

    /** A copy with another rate limit. */
    public HttpSettings withRateLimit(int burst, double perSecond) {
        return new HttpSettings(burst, perSecond, maxRequestBodyBytes, clock, failedAuthenticationDelay);
    }

    /** A copy with another request body limit. */
    public HttpSettings withMaxRequestBodyBytes(long bytes) {
        return new HttpSettings(rateLimitBurst, rateLimitPerSecond, bytes, clock, failedAuthenticationDelay);
    }

    /** A copy with another clock, for tests that control time. */
    public HttpSettings withClock(Clock newClock) {
        return new HttpSettings(rateLimitBurst, rateLimitPerSecond, maxRequestBodyBytes, newClock,
                failedAuthenticationDelay);
    }

    /** A copy with another wait before refused authentications are answered. */
    public HttpSettings withFailedAuthenticationDelay(Duration delay) {
        return new HttpSettings(rateLimitBurst, rateLimitPerSecond, maxRequestBodyBytes, clock, delay);
    }
}
