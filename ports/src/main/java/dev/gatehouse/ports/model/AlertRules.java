package dev.gatehouse.ports.model;

import java.time.Duration;

/**
 * The validation rules of alert fields, shared by the commands and the stored record. Durations are whole seconds,
 * the precision every store keeps; the field an {@link InvalidInputException} names is the wire name.
 */
public final class AlertRules {

    public static final int NAME_MAX_LENGTH = 255;
    public static final Duration MIN_TIME_WINDOW = Duration.ofMinutes(1);
    public static final Duration MAX_TIME_WINDOW = Duration.ofDays(30);
    public static final Duration MIN_FREQUENCY = Duration.ofMinutes(1);
    public static final Duration MAX_FREQUENCY = Duration.ofHours(24);
    public static final Duration MAX_WATERMARK = Duration.ofDays(30);

    private AlertRules() {
    }

    /** Returns {@code name} if it has 1 to 255 characters and is not blank, else throws {@link InvalidInputException}. */
    public static String requireValidName(String name) {
        if (name == null) {
            throw new InvalidInputException("name", "missing", "Field required");
        }
        if (name.isEmpty()) {
            throw new InvalidInputException("name", "string_too_short", "String should have at least 1 character");
        }
        if (name.isBlank()) {
            throw new InvalidInputException("name", "value_error", "Value error, name must not be blank");
        }
        if (Characters.count(name) > NAME_MAX_LENGTH) {
            throw new InvalidInputException("name", "string_too_long",
                    "String should have at most " + NAME_MAX_LENGTH + " characters");
        }
        return name;
    }

    /** Returns {@code query} if it is present; whether it is a read-only SELECT is a {@code QueryChecker}'s call. */
    public static String requirePresentQuery(String query) {
        if (query == null) {
            throw new InvalidInputException("query", "missing", "Field required");
        }
        return query;
    }

    /** Returns {@code timeWindow} if it is whole seconds from 1 minute to 30 days, else throws {@link InvalidInputException}. */
    public static Duration requireValidTimeWindow(Duration timeWindow) {
        return requireWithin("time_window", timeWindow, MIN_TIME_WINDOW, MAX_TIME_WINDOW);
    }

    /** Returns {@code frequency} if it is whole seconds from 1 minute to 24 hours, else throws {@link InvalidInputException}. */
    public static Duration requireValidFrequency(Duration frequency) {
        return requireWithin("frequency", frequency, MIN_FREQUENCY, MAX_FREQUENCY);
    }

    /** Returns {@code watermark} if it is whole seconds from 0 to 30 days, else throws {@link InvalidInputException}. */
    public static Duration requireValidWatermark(Duration watermark) {
        return requireWithin("watermark", watermark, Duration.ZERO, MAX_WATERMARK);
    }

    private static Duration requireWithin(String field, Duration value, Duration min, Duration max) {
        if (value == null) {
            throw new InvalidInputException(field, "missing", "Field required");
        }
        if (value.compareTo(min) < 0) {
            throw new InvalidInputException(field, "greater_than_equal",
                    "Input should be greater than or equal to " + describe(min));
        }
        if (value.compareTo(max) > 0) {
            throw new InvalidInputException(field, "less_than_equal",
                    "Input should be less than or equal to " + describe(max));
        }
        if (value.getNano() != 0) {
            throw new InvalidInputException(field, "value_error", "Input should be a whole number of seconds");
        }
        return value;
    }

    private static String describe(Duration duration) {
        if (duration.isZero()) {
            return "0 seconds (PT0S)";
        }
        if (duration.toSeconds() % 86_400 == 0 && duration.toDays() > 1) {
            return duration.toDays() + " days (" + duration + ")";
        }
        if (duration.toSeconds() % 3_600 == 0 && duration.toHours() > 1) {
            return duration.toHours() + " hours (" + duration + ")";
        }
        return duration.toMinutes() + " minute" + (duration.toMinutes() == 1 ? "" : "s") + " (" + duration + ")";
    }
}
