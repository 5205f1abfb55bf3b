package dev.gatehouse.ports.model;

import java.time.Duration;
import java.util.Objects;

/**
 * A query asked for a time window longer than the longest one allowed: the request as a whole is refused (the HTTP
 * API answers 400, as the reference does), not one malformed field.
 */
public class WindowTooLongException extends InvalidInputException {

    private final Duration maximum;

    /**
     * @param field the bound that makes the window too long, as named on the wire, for example {@code end_time}
     * @param maximum the longest window allowed
     */
    public WindowTooLongException(String field, Duration maximum) {
        super(field, "value_error",
                "The time range cannot exceed " + Objects.requireNonNull(maximum).toDays() + " days");
        this.maximum = maximum;
    }

    /** The longest window allowed. */
    public Duration maximum() {
        return maximum;
    }
}
