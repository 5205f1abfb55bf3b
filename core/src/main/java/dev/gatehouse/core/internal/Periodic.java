package dev.gatehouse.core.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs one task on a daemon thread of its own, {@code interval} after each run ends, until closed; the write-behind
 * recorders share it. Thread-safe.
 */
final class Periodic implements AutoCloseable {

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final ScheduledExecutorService executor;

    /**
     * Starts running {@code task} every {@code interval}; the task must not throw, or its schedule ends.
     *
     * @throws IllegalArgumentException if the interval is not positive
     */
    Periodic(String threadName, Duration interval, Runnable task) {
        Objects.requireNonNull(threadName, "threadName");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(interval, "interval");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the flush interval must be positive");
        }
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        long nanos = interval.toNanos();
        executor.scheduleWithFixedDelay(task, nanos, nanos, TimeUnit.NANOSECONDS);
    }

    /** Stops the schedule and waits for a run in progress to end; idempotent. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
