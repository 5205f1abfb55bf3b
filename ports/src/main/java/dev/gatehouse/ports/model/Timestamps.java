package dev.gatehouse.ports.model;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The precision and range every store keeps for instants: microseconds, which PostgreSQL and H2 both store exactly,
 * from year 1 to year 9999, as Python's {@code datetime} and so Logfire's clients do.
 */
public final class Timestamps {

    /** The earliest instant Gatehouse accepts: the first microsecond of year 1. */
    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    /** The latest instant Gatehouse accepts: the last microsecond of year 9999. */
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private Timestamps() {
    }

    /** {@code instant} truncated to microseconds; null stays null. */
    public static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** Whether {@code instant} lies within {@link #EARLIEST} and {@link #LATEST}, both included. */
    public static boolean inRange(Instant instant) {
        return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
    }
}
