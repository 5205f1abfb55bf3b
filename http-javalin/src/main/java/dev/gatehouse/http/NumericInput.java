package dev.gatehouse.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.ports.model.Timestamps;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

/**
 * Numbers of seconds in requests read as pydantic reads them, each bounded by comparison before any arithmetic, so
 * that no number (such as {@code 1e500000000}) costs more than a few operations to refuse.
 */
final class NumericInput {

    /** Longer decimal text than any duration needs, and short enough to parse at once. */
    private static final int MAX_TEXT_LENGTH = 64;
    private static final BigDecimal ONE_NANOSECOND = new BigDecimal("1e-9");
    /** Exclusive bound of a duration in seconds: its nanoseconds must fit a long. */
    private static final BigDecimal LONGEST_DURATION = BigDecimal.valueOf(Long.MAX_VALUE / 1_000_000_000L);
    /** Beyond this magnitude pydantic reads a Unix time as milliseconds rather than seconds. */
    private static final BigDecimal MILLISECONDS_BEYOND = new BigDecimal("2e10");
    private static final BigDecimal EARLIEST_MILLIS = BigDecimal.valueOf(Timestamps.EARLIEST.toEpochMilli());
    private static final BigDecimal LATEST_MILLIS = BigDecimal.valueOf(Timestamps.LATEST.toEpochMilli() + 1);

    private NumericInput() {
    }

    /** The value of a JSON number, or null for one that JSON parsing made infinite, such as {@code 1e999}. */
    static BigDecimal decimal(JsonNode number) {
        if (number.isFloatingPointNumber() && !Double.isFinite(number.doubleValue())) {
            return null;
        }
        return number.decimalValue();
    }

    /** {@code text} as a decimal number, or null when it is none or too long to be a duration. */
    static BigDecimal decimal(String text) {
        if (text.length() > MAX_TEXT_LENGTH) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    /**
     * {@code seconds} as a duration truncated to nanoseconds, or null where its nanoseconds would not fit a long;
     * the sign is kept for the caller's range rule.
     */
    static Duration duration(BigDecimal seconds) {
        BigDecimal magnitude = seconds.abs();
        if (magnitude.compareTo(LONGEST_DURATION) >= 0) {
            return null;
        }
        if (magnitude.compareTo(ONE_NANOSECOND) < 0) {
            return Duration.ZERO;
        }
        return Duration.ofNanos(seconds.movePointRight(9).longValue());
    }

    /**
     * A Unix time as pydantic reads it (seconds, or milliseconds beyond 2e10 either side of zero), or null when it
     * falls outside the years 1 to 9999.
     */
    static Instant epochInstant(BigDecimal value) {
        boolean millis = value.abs().compareTo(MILLISECONDS_BEYOND) > 0;
        BigDecimal inMillis = millis ? value : value.scaleByPowerOfTen(3);
        if (inMillis.compareTo(EARLIEST_MILLIS) < 0 || inMillis.compareTo(LATEST_MILLIS) >= 0) {
            return null;
        }
        BigDecimal seconds = inMillis.scaleByPowerOfTen(-3);
        long whole = seconds.setScale(0, RoundingMode.FLOOR).longValueExact();
        long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
        return Instant.ofEpochSecond(whole, nanos);
    }
}
