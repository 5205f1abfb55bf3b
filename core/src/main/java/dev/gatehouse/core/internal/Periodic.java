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
 * failing run is logged and the schedule goes on. Closing waits a bounded time: a run that hangs (a database that
 * stopped answering) is left behind, with a warning of what stays unwritten. The write-behind recorders share it.
 * Thread-safe.
 */
final class Periodic implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Periodic.class.getName());
    /** How long closing waits for a run in progress and the last flush. */
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final ScheduledExecutorService executor;
    private final String threadName;
    private final Runnable flush;
    private final Supplier<String> failureMessage;
    private final Supplier<String> unwritten;
    private final Duration closeTimeout;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * Starts running {@code flush} every {@code interval}; a run that throws is logged with {@code failureMessage}
     * (the flush keeps what it could not write for the next run).
     *
     * @param unwritten what is still waiting to be flushed, as a count and a noun without any secret, for the warning
     *         of a close that gives up on a hanging run
     * @param closeTimeout how long {@link #close()} waits for a run in progress and the last flush; {@link
     *         #CLOSE_TIMEOUT} but in tests
     * @throws IllegalArgumentException if the interval is not positive
     * @throws ArithmeticException if the interval is too long to count in nanoseconds; no thread is started then
     */
    Periodic(String threadName, Duration interval, Runnable flush, Supplier<String> failureMessage,
            Supplier<String> unwritten, Duration closeTimeout) {
        this.threadName = Objects.requireNonNull(threadName, "threadName");
        this.flush = Objects.requireNonNull(flush, "flush");
        this.failureMessage = Objects.requireNonNull(failureMessage, "failureMessage");
        this.unwritten = Objects.requireNonNull(unwritten, "unwritten");
        this.closeTimeout = Objects.requireNonNull(closeTimeout, "closeTimeout");
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

    /**
     * Stops the schedule and flushes a last time once a run in progress has ended, waiting at most the close timeout
     * for both; past it (or if interrupted) leaves the flusher thread behind, skips the last flush and logs what is
     * left unwritten. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        // The last flush runs on the flusher thread, after a run in progress: a caller waiting for that run's lock
        // itself could wait for as long as a hanging database connection takes, whatever the timeout says.
        executor.execute(this::flushQuietly);
        executor.shutdown();
        boolean ended = false;
        try {
            ended = executor.awaitTermination(closeTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!ended) {
            executor.shutdownNow();
            LOG.log(Level.WARNING, "{0} did not finish flushing within {1}; closing without the last flush: {2} not"
                    + " written", threadName, closeTimeout, unwritten.get());
        }
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
