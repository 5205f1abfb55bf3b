package dev.gatehouse.http;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Token buckets keyed by caller. Thread-safe: each bucket changes only inside {@link ConcurrentHashMap#compute},
 * which serialises updates of one key without a global lock.
 *
 * <p>Memory stays bounded by the callers seen recently: a bucket that has refilled to capacity is equivalent to no
 * bucket at all, so a periodic sweep drops those.
 */
final class RateLimiter {

    private static final long SWEEP_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final int SWEEP_SIZE_THRESHOLD = 10_000;

    private final int capacity;
    private final double tokensPerNano;
    private final Clock clock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong nextSweepAt;

    RateLimiter(int capacity, double perSecond, Clock clock) {
        this.capacity = capacity;
        this.tokensPerNano = perSecond / TimeUnit.SECONDS.toNanos(1);
        this.clock = clock;
        this.nextSweepAt = new AtomicLong(now() + SWEEP_INTERVAL_NANOS);
    }

    /** Takes one request from {@code key}'s bucket: 0 when allowed, else the whole seconds (at least 1) to wait. */
    long acquire(String key) {
        long now = now();
        sweepIfDue(now);
        long[] waitSeconds = new long[1];
        buckets.compute(key, (k, bucket) -> {
            Bucket current = bucket == null ? new Bucket(capacity, now) : bucket.refilledAt(now, capacity, tokensPerNano);
            if (current.tokens >= 1) {
                return new Bucket(current.tokens - 1, now);
            }
            double nanosToNextToken = (1 - current.tokens) / tokensPerNano;
            waitSeconds[0] = Math.max(1, (long) Math.ceil(nanosToNextToken / TimeUnit.SECONDS.toNanos(1)));
            return current;
        });
        return waitSeconds[0];
    }

    /** How many buckets are held; for tests of the memory bound. */
    int size() {
        return buckets.size();
    }

    /** Drops every bucket that has refilled to capacity by {@code now}. */
    void sweep(long now) {
        for (String key : buckets.keySet()) {
            buckets.computeIfPresent(key, (k, bucket) ->
                    bucket.refilledAt(now, capacity, tokensPerNano).tokens >= capacity ? null : bucket);
        }
    }

    long now() {
        Instant instant = clock.instant();
        return TimeUnit.SECONDS.toNanos(instant.getEpochSecond()) + instant.getNano();
    }

    private void sweepIfDue(long now) {
        long due = nextSweepAt.get();
        if ((now - due >= 0 || buckets.size() > SWEEP_SIZE_THRESHOLD)
                && nextSweepAt.compareAndSet(due, now + SWEEP_INTERVAL_NANOS)) {
            sweep(now);
        }
    }

    /** An immutable bucket state: the tokens left at {@code updatedAt} (epoch nanoseconds). */
    private static final class Bucket {
        final double tokens;
        final long updatedAt;

        Bucket(double tokens, long updatedAt) {
            this.tokens = tokens;
            this.updatedAt = updatedAt;
        }

        /**
         * This bucket refilled for the time from {@code updatedAt} to {@code now}; a clock set back counts as no time,
         * and the bucket then refills from the new {@code now}, rather than stay empty until the clock catches up.
         */
        Bucket refilledAt(long now, int capacity, double tokensPerNano) {
            long elapsed = Math.max(0, now - updatedAt);
            return new Bucket(Math.min(capacity, tokens + elapsed * tokensPerNano), now);
        }
    }
}
