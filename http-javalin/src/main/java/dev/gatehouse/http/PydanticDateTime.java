package dev.gatehouse.http;

import dev.gatehouse.ports.model.Timestamps;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Date-time text read as pydantic (its {@code speedate} parser) reads it, so that what a Logfire client sends means
 * the same here ({@code WireText} writes instants back as pydantic does); {@code PydanticTimeTest} holds it to answers
 * pydantic itself gave.
 */
final class PydanticDateTime {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?([0-9]+)");
    /** More significant digits than any Unix time within the years 1 to 9999 has, even in milliseconds. */
    private static final int MOST_DIGITS = 20;
    private static final Pattern DECIMAL_NUMBER = Pattern.compile("[+-]?([0-9]+\\.[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");
    /** Beyond this magnitude a Unix time counts milliseconds rather than seconds. */
    private static final double MILLISECONDS_BEYOND = 2e10;

    private PydanticDateTime() {
    }

    /**
     * A date-time as pydantic reads text: {@code YYYY-MM-DD}, optionally followed by {@code T}, {@code t}, {@code _}
     * or a space, {@code HH:MM[:SS[.fraction]]} and an offset ({@code Z}, {@code ±HH:MM} or {@code ±HHMM}; none reads
     * as UTC), or a Unix time in seconds, or milliseconds beyond 2e10; null when it is none of these or lies outside
     * the years 1 to 9999. Fractions beyond microseconds are dropped, as pydantic drops them.
     */
    static Instant parse(String text) {
        Matcher whole = WHOLE_NUMBER.matcher(text);
        Instant instant = whole.matches() ? wholeUnixTime(text, whole.group(1))
                : DECIMAL_NUMBER.matcher(text).matches() ? decimalUnixTime(text)
                : calendarDateTime(new TimeTextCursor(text));
        return instant == null || !Timestamps.inRange(instant) ? null : instant;
    }

    /** A Unix time without a decimal point, read exactly; {@code digits} are its digits without the sign. */
    private static Instant wholeUnixTime(String text, String digits) {
        int significant = digits.replaceFirst("^0+", "").length();
        return significant > MOST_DIGITS ? null : NumericInput.epochInstant(new BigDecimal(text));
    }

    /** A Unix time with a decimal point, read through a double and rounded to microseconds, as pydantic reads it. */
    private static Instant decimalUnixTime(String text) {
        double value = Double.parseDouble(text);
        if (!Double.isFinite(value) || Math.abs(value) >= 1e17) {
            return null;
        }
        double whole = Math.floor(value);
        double fraction = value - whole;
        long micros = Math.abs(value) > MILLISECONDS_BEYOND
                ? (long) whole * 1_000L + Math.round(fraction * 1_000.0)
                : (long) whole * 1_000_000L + Math.round(fraction * 1_000_000.0);
        try {
            return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
        } catch (DateTimeException | ArithmeticException outOfRange) {
            return null;
        }
    }

    private static Instant calendarDateTime(TimeTextCursor cursor) {
        LocalDate date = date(cursor);
        if (date == null) {
            return null;
        }
        Instant midnight = date.atStartOfDay(ZoneOffset.UTC).toInstant();
        if (cursor.atEnd()) {
            return midnight;
        }
        if ("Tt _".indexOf(cursor.next()) < 0) {
            return null;
        }
        int hour = cursor.digits(2);
        if (hour < 0 || hour > 23 || !cursor.skip(':')) {
            return null;
        }
        long micros = cursor.minutesAndSeconds();
        if (micros < 0) {
            return null;
        }
        long offsetSeconds = cursor.atEnd() ? 0 : offsetSeconds(cursor);
        if (offsetSeconds == Long.MIN_VALUE || !cursor.atEnd()) {
            return null;
        }
        return midnight.plusSeconds(hour * 3_600L - offsetSeconds).plus(micros, ChronoUnit.MICROS);
    }

    private static LocalDate date(TimeTextCursor cursor) {
        int year = cursor.digits(4);
        if (year < 0 || !cursor.skip('-')) {
            return null;
        }
        int month = cursor.digits(2);
        if (month < 0 || !cursor.skip('-')) {
            return null;
        }
        int day = cursor.digits(2);
        if (day < 0) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException invalid) {
            return null;
        }
    }

    /**
     * {@code Z} or {@code ±HH[:]MM} as seconds east of UTC, up to a minute short of a day either way, or
     * {@link Long#MIN_VALUE}.
     */
    private static long offsetSeconds(TimeTextCursor cursor) {
        char sign = cursor.next();
        if (sign == 'Z' || sign == 'z') {
            return 0;
        }
        if (sign != '+' && sign != '-') {
            return Long.MIN_VALUE;
        }
        int hours = cursor.digits(2);
        if (hours < 0 || hours > 23) {
            return Long.MIN_VALUE;
        }
        cursor.skip(':');
        int minutes = cursor.digits(2);
        if (minutes < 0 || minutes > 59) {
            return Long.MIN_VALUE;
        }
        long seconds = hours * 3_600L + minutes * 60L;
        return sign == '-' ? -seconds : seconds;
    }
}
