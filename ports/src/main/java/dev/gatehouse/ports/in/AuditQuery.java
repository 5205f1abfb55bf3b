package dev.gatehouse.ports.in;

import dev.gatehouse.ports.model.AuditAction;
import dev.gatehouse.ports.model.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A window of the audit log: {@code [startTime, endTime)}, at most 90 days, optionally one action.
 *
 * @param endTime null means now
 * @param action null means every action
 */
public record AuditQuery(Instant startTime, Instant endTime, AuditAction action) {

    /** The longest window one query may span. */
    public static final Duration MAX_WINDOW = Duration.ofDays(90);

    public AuditQuery {
        Objects.requireNonNull(startTime, "startTime");
        if (endTime != null && endTime.isBefore(startTime)) {
            throw new InvalidInputException("end_time", "value_error", "end_time must not be before start_time");
        }
    }
}
