package dev.gatehouse.ports.in;

import dev.gatehouse.ports.model.AuditAction;
import dev.gatehouse.ports.model.InvalidInputException;
import dev.gatehouse.ports.model.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A window of the audit log: {@code [startTime, endTime)}, at most 90 days, within the years 1 to 9999, optionally
 * one action.
 *
 * @param endTime null means now
 * @param action null means every action
 */
public record AuditQuery(Instant startTime, Instant endTime, AuditAction action) {

    /** The longest window one query may span. */
    public static final Duration MAX_WINDOW = Duration.ofDays(90);

    public AuditQuery {
        Objects.requireNonNull(startTime, "startTime");
        requireInRange(startTime, "start_time");
        if (endTime != null) {
            requireInRange(endTime, "end_time");
        }
        if (endTime != null && endTime.isBefore(startTime)) {
            throw new InvalidInputException("end_time", "value_error", "end_time must not be before start_time");
        }
    }

    private static void requireInRange(Instant instant, String field) {
        if (!Timestamps.inRange(instant)) {
            throw new InvalidInputException(field, "value_error",
                    field + " must lie between " + Timestamps.EARLIEST + " and " + Timestamps.LATEST);
        }
    }
}
