package dev.gatehouse.ports.model;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The one precision every store keeps for instants: microseconds, which PostgreSQL and H2 both store exactly. */
public final class Timestamps {

    private Timestamps() {
    }

    /** {@code instant} truncated to microseconds; null stays null. */
    public static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }
}
