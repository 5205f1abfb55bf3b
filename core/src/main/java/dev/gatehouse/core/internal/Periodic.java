package dev.gatehouse.core.internal;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Runs one flush on a daemon thread of its own, {@code interval} after each run ends, and once more when closed; a
 * failing run is logged and the schedule goes on. The write-behind recorders share it. Thread-safe.
 */
final class Periodic implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Periodic.class.getName());
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final ScheduledExecutorService executor;
    private final Runnable flush;
    private final Supplier<String> failureMessage;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * Starts running {@code flush} every {@code interval}; a run that throws is logged with {@code failureMessage}
     * (the flush keeps what it could not write for the next run).
     *
     * @throws IllegalArgumentException if the interval is not positive
     * @throws ArithmeticException if the interval is too long to count in nanoseconds; no thread is started then
     */
    Periodic(String threadName, Duration interval, Runnable flush, Supplier<String> failureMessage) {
        Objects.requireNonNull(threadName, "threadName");
        this.flush = Objects.requireNonNull(flush, "flush");
        this.failureMessage = Objects.requireNonNull(failureMessage, "failureMessage");
        Objects.requireNonNull(interval, "interval");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the flush interval must be positive");
        }
        long nanos = interval.toNanos();
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::flushQuietly, nanos, nanos, TimeUnit.NANOSECONDS);
    }

    /** Stops the schedule, waits for a run in progress to end, then flushes a last time; idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        flushQuietly();
    }

    private void flushQuietly() {
        try {
            flush.run();
        } catch (RuntimeException e) {
            // A failure must not cancel the schedule: what was not written stays pending for the next run.
            LOG.log(Level.WARNING, failureMessage.get(), e);
        }
    }
}
