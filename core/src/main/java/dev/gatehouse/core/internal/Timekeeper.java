package dev.gatehouse.core.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * The time for the verification path, where a clock read costs as much as a third of the hash: exactly when asked,
 * or {@linkplain #recent() recently} from a field that a daemon thread refreshes every millisecond; internal API.
 * Only the system clock is ticked: any other clock, such as a test's, is read on every call. The thread stops
 * ticking after about a second in which nobody read the time, and the next read, exact, wakes it. Thread-safe.
 */
public final class Timekeeper implements AutoCloseable {

    /** How often the ticking thread reads the system clock. */
    public static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    /** Ticks without a read after which the thread sleeps until the next read: about a second. */
    private static final int IDLE_TICKS = 1024;

    private final Clock clock;
    private final Thread ticker;
    /** Whether {@link #recent} is being refreshed; readers read the clock itself while it is not. */
    private volatile boolean ticking;
    /** Whether anybody read the time since the ticking thread last looked; set only when clear, to spare writes. */
    private volatile boolean used;
    private final AtomicBoolean asleep = new AtomicBoolean();
    private volatile boolean closed;
    private volatile Instant recent;
    private volatile long recentNanos;

    private Timekeeper(Clock clock, boolean ticks) {
        this.clock = clock;
        tick();
        if (ticks) {
            ticking = true;
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
     * ticking thread is held up; exact when nothing ticks at the moment, or no longer.
     */
    public Instant recent() {
        if (ticking) {
            noteUse();
            return recent;
        }
        wake();
        return clock.instant();
    }

    /** {@link System#nanoTime()} as of the last tick, for the lifetimes of cache entries; exact when nothing ticks. */
    public long recentNanos() {
        if (ticking) {
            noteUse();
            return recentNanos;
        }
        wake();
        return System.nanoTime();
    }

    /** Whether the thread is ticking now, rather than asleep, closed or absent. */
    boolean isTicking() {
        return ticking;
    }

    /** Stops the ticking thread, after which every read is exact; idempotent. */
    @Override
    public void close() {
        closed = true;
        ticking = false;
        if (ticker != null) {
            LockSupport.unpark(ticker);
        }
    }

    private void noteUse() {
        if (!used) {
            used = true;
        }
    }

    /** Wakes a sleeping ticker, once however many readers ask. */
    private void wake() {
        if (ticker != null && asleep.compareAndSet(true, false)) {
            LockSupport.unpark(ticker);
        }
    }

    private void tickUntilClosed() {
        int ticks = 0;
        while (!closed) {
            LockSupport.parkNanos(this, TICK_NANOS);
            tick();
            if (++ticks % IDLE_TICKS == 0) {
                if (used) {
                    used = false;
                } else {
                    sleepUntilRead();
                }
            }
        }
    }

    /**
     * Stops ticking until a reader wakes the thread: readers read the clock itself meanwhile, so a reader racing
     * with the fall asleep only reads exactly, and at worst leaves the wake-up to the next one.
     */
    private void sleepUntilRead() {
        ticking = false;
        asleep.set(true);
        while (asleep.get() && !closed) {
            LockSupport.park(this);
        }
        if (!closed) {
            tick();
            used = true;
            ticking = true;
        }
    }

    private void tick() {
        recentNanos = System.nanoTime();
        recent = clock.instant();
    }
}
