package dev.gatehouse.core.internal;

import dev.gatehouse.ports.model.CredentialId;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Collects when credentials were last used and hands them to {@code sink} in one batch per interval from a single
 * daemon thread, so that verification never writes to the store; internal API. Thread-safe.
 */
public final class LastUsedRecorder implements AutoCloseable {

    private final Map<CredentialId, Instant> pending = new ConcurrentHashMap<>();
    private final Consumer<Map<CredentialId, Instant>> sink;
    private final Timekeeper time;
    private final Periodic flusher;
    /** The size of the batch the sink is writing now, for the warning of a close that gives up on it. */
    private volatile int writing;

    /**
     * Starts flushing every {@code interval}, stamping uses with {@code time}.
     *
     * @param sink writes one batch, all or nothing; a batch that fails is retried with the next one
     * @throws IllegalArgumentException if the interval is not positive
     */
    public LastUsedRecorder(Consumer<Map<CredentialId, Instant>> sink, Duration interval, Timekeeper time) {
        this(sink, interval, time, Periodic.CLOSE_TIMEOUT);
    }

    /** As the public constructor, with the time {@link #close()} waits for a hanging write, for tests. */
    LastUsedRecorder(Consumer<Map<CredentialId, Instant>> sink, Duration interval, Timekeeper time,
            Duration closeTimeout) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.time = Objects.requireNonNull(time, "time");
        this.flusher = new Periodic("gatehouse-last-used-flusher", interval, this::flush,
                () -> "Could not record the last use of " + pending.size() + " credentials",
                () -> pending.size() + " pending last_used_at stamps and the " + writing + " of the hanging write",
                closeTimeout);
    }

    /**
     * Notes that {@code credential} is being used; coalesces with earlier uses not yet flushed. The first use since
     * the last flush is stamped exactly, later ones to the last tick of the clock, which costs no clock read.
     */
    public void record(CredentialId credential) {
        Instant previous = pending.get(credential);
        if (previous == null) {
            previous = pending.putIfAbsent(credential, time.exact());
            if (previous == null) {
                return;
            }
        }
        // A tick of the clock at most once a millisecond keeps a hot credential from contending on its map entry.
        Instant at = time.recent();
        if (at.isAfter(previous)) {
            pending.merge(credential, at, LastUsedRecorder::later);
        }
    }

    /** Writes every pending use now, in one batch; a failed batch stays pending and the failure propagates. */
    public synchronized void flush() {
        Map<CredentialId, Instant> batch = new HashMap<>();
        for (CredentialId id : pending.keySet()) {
            Instant at = pending.remove(id);
            if (at != null) {
                batch.put(id, at);
            }
        }
        if (batch.isEmpty()) {
            return;
        }
        writing = batch.size();
        try {
            sink.accept(Map.copyOf(batch));
        } catch (RuntimeException e) {
            batch.forEach((id, at) -> pending.merge(id, at, LastUsedRecorder::later));
            throw e;
        } finally {
            writing = 0;
        }
    }

    /**
     * Stops the flusher thread and writes what is pending; idempotent. Waits at most 10 seconds for a write in
     * progress and this last one, then gives up on them with a warning.
     */
    @Override
    public void close() {
        flusher.close();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
