package dev.gatehouse.ports.model;

import java.time.Instant;
import java.util.Objects;

/**
 * The outcome of an alert's latest evaluation.
 *
 * @param lastRun when the evaluation ran
 * @param result the query's result as JSON text, or null where the evaluation produced none
 * @param resultLength how many rows the result holds, or null where there is no result
 */
public record AlertRun(Instant lastRun, boolean hasMatches, boolean hasErrors, String result, Integer resultLength) {

    public AlertRun {
        lastRun = Timestamps.micros(Objects.requireNonNull(lastRun, "lastRun"));
        if (resultLength != null && resultLength < 0) {
            throw new IllegalArgumentException("a result length is not negative: " + resultLength);
        }
    }
}
