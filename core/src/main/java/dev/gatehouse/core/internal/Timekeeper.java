package dev.gatehouse.core.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The time for the verification path, where a clock read costs as much as a third of the hash: exactly when asked,
 * or {@linkplain #recent() recently} from a field that a daemon thread refreshes every millisecond; internal API.
 * Only the system clock is ticked: any other clock, such as a test's, is read on every call. Thread-safe.
 */
public final class Timekeeper implements AutoCloseable {

    /** How often the ticking thread reads the system clock. */
    public static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final Clock clock;
    private final Thread ticker;
    private volatile boolean ticking;
    private volatile Instant recent;
    private volatile long recentNanos;

    private Timekeeper(Clock clock, boolean ticking) {
        this.clock = clock;
        tick();
        this.ticking = ticking;
        if (ticking) {
            ticker = new Thread(this::tickUntilClosed, "gatehouse-clock");
            ticker.setDaemon(true);
            ticker.start();
        } else {
            ticker = null;
        }
    }

    /** A timekeeper over {@code clock}, with a ticking thread when it is the system clock (in any zone). */
    public static Timekeeper of(Clock clock) {
        Objects.requireNonNull(clock, "clock");
        return new Timekeeper(clock, clock.equals(Clock.system(clock.getZone())));
    }

    /** The clock's current instant, read now. */
    public Instant exact() {
        return clock.instant();
    }

    /**
     * The instant of the last tick: never ahead of the clock, and behind it by at most a millisecond unless the
     * ticking thread is held up; exact when nothing ticks, or no longer.
     */
    public Instant recent() {
        return ticking ? recent : clock.instant();
    }

    /** {@link System#nanoTime()} as of the last tick, for the lifetimes of cache entries; exact when nothing ticks. */
    public long recentNanos() {
        return ticking ? recentNanos : System.nanoTime();
    }

    /** Stops the ticking thread, after which every read is exact; idempotent. */
    @Override
    public void close() {
        ticking = false;
        if (ticker != null) {
            LockSupport.unpark(ticker);
        }
    }

    private void tickUntilClosed() {
        while (ticking) {
            LockSupport.parkNanos(this, TICK_NANOS);
            tick();
        }
    }

    private void tick() {
        recentNanos = System.nanoTime();
        recent = clock.instant();
    }
}
