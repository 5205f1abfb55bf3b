package dev.gatehouse.core.internal;

import dev.gatehouse.ports.model.DenialReason;
import dev.gatehouse.ports.model.OrganizationId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Counts refused authentications per reason (and per organization where the credential is known) in striped
 * counters, and hands each window's totals to {@code sink} from a single daemon thread, so that a flood of bad
 * tokens costs an increment each and never a store write; internal API. Thread-safe.
 *
 * <p>A window runs from the end of the previous flush that wrote something (or from construction) to the next
 * flush; a window without failures hands nothing over. An increment that races with a flush is counted in that
 * window or the next, never lost.
 */
public final class FailedLoginRecorder implements AutoCloseable {

    private static final int REASONS = DenialReason.values().length;

    private final LongAdder[] unattributed = newCounters();
    private final Map<OrganizationId, LongAdder[]> byOrganization = new ConcurrentHashMap<>();
    private final Consumer<Window> sink;
    private final Clock clock;
    private final Periodic flusher;
    /** The refusals of the window the sink is writing now, for the warning of a close that gives up on it. */
    private volatile long writing;
    private Instant windowStart;

    /**
     * Starts flushing every {@code window}.
     *
     * @param sink writes one window's totals, all or nothing; a window that fails is merged into the next
     * @throws IllegalArgumentException if the window is not positive
     */
    public FailedLoginRecorder(Consumer<Window> sink, Clock clock, Duration window) {
        this(sink, clock, window, Periodic.CLOSE_TIMEOUT);
    }

    /** As the public constructor, with the time {@link #close()} waits for a hanging write, for tests. */
    FailedLoginRecorder(Consumer<Window> sink, Clock clock, Duration window, Duration closeTimeout) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.windowStart = clock.instant();
        this.flusher = new Periodic("gatehouse-failed-login-flusher", window, this::flush,
                () -> "Could not record failed authentications in the audit log",
                () -> pendingCount() + " pending failed authentications and the " + writing + " of the hanging write",
                closeTimeout);
    }

    /** Counts a refusal no credential can be blamed for: a malformed or unknown token. */
    public void unattributed(DenialReason reason) {
        unattributed[reason.ordinal()].increment();
    }

    /** Counts a refusal of a known credential of {@code organization}: a revoked or expired one. */
    public void attributed(OrganizationId organization, DenialReason reason) {
        LongAdder[] counters = byOrganization.get(organization);
        if (counters == null) {
            counters = byOrganization.computeIfAbsent(organization, ignored -> newCounters());
        }
        counters[reason.ordinal()].increment();
    }

    /** Hands the current window's totals to the sink now, if there are any; a failure keeps them and propagates. */
    public synchronized void flush() {
        Instant end = clock.instant();
        Map<DenialReason, Long> loose = drain(unattributed);
        Map<OrganizationId, Map<DenialReason, Long>> attributed = new HashMap<>();
        byOrganization.forEach((organization, counters) -> {
            Map<DenialReason, Long> counts = drain(counters);
            if (!counts.isEmpty()) {
                attributed.put(organization, counts);
            }
        });
        if (loose.isEmpty() && attributed.isEmpty()) {
            windowStart = end;
            return;
        }
        Window window = new Window(windowStart, end, loose, attributed);
        writing = total(loose) + attributed.values().stream().mapToLong(FailedLoginRecorder::total).sum();
        try {
            sink.accept(window);
        } catch (RuntimeException e) {
            loose.forEach((reason, count) -> unattributed[reason.ordinal()].add(count));
            attributed.forEach((organization, counts) -> counts.forEach((reason, count) -> byOrganization
                    .computeIfAbsent(organization, ignored -> newCounters())[reason.ordinal()].add(count)));
            throw e;
        } finally {
            writing = 0;
        }
        windowStart = end;
    }

    /**
     * Stops the flusher thread and hands over what is pending; idempotent. Waits at most 10 seconds for a write in
     * progress and this last one, then gives up on them with a warning.
     */
    @Override
    public void close() {
        flusher.close();
    }

    /** The refusals counted and not yet handed over, for the warning of a close that gives up. */
    private long pendingCount() {
        long count = 0;
        for (LongAdder counter : unattributed) {
            count += counter.sum();
        }
        for (LongAdder[] counters : byOrganization.values()) {
            for (LongAdder counter : counters) {
                count += counter.sum();
            }
        }
        return count;
    }

    private static long total(Map<DenialReason, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    private static Map<DenialReason, Long> drain(LongAdder[] counters) {
        Map<DenialReason, Long> counts = new EnumMap<>(DenialReason.class);
        for (DenialReason reason : DenialReason.values()) {
            long count = counters[reason.ordinal()].sumThenReset();
            if (count > 0) {
                counts.put(reason, count);
            }
        }
        return counts;
    }

    private static LongAdder[] newCounters() {
        LongAdder[] counters = new LongAdder[REASONS];
        for (int i = 0; i < REASONS; i++) {
            counters[i] = new LongAdder();
        }
        return counters;
    }

    /**
     * The refusals of one window {@code [start, end)}, with only the reasons that occurred.
     *
     * @param unattributed counts no organization can be blamed for (malformed and unknown tokens)
     * @param byOrganization counts of known credentials, by their organization
     */
    public record Window(Instant start, Instant end, Map<DenialReason, Long> unattributed,
                         Map<OrganizationId, Map<DenialReason, Long>> byOrganization) {

        public Window {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            unattributed = copy(unattributed);
            Map<OrganizationId, Map<DenialReason, Long>> copied = new HashMap<>();
            byOrganization.forEach((organization, counts) -> copied.put(organization, copy(counts)));
            byOrganization = Map.copyOf(copied);
        }

        private static Map<DenialReason, Long> copy(Map<DenialReason, Long> counts) {
            Map<DenialReason, Long> copy = new EnumMap<>(DenialReason.class);
            copy.putAll(counts);
            return Collections.unmodifiableMap(copy);
        }
    }
}
