package dev.gatehouse.http;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * Duration text read as pydantic (its {@code speedate} parser) reads it, so that what a Logfire client sends means
 * the same here ({@code WireText} writes durations back as pydantic does); {@code PydanticTimeTest} holds it to answers
 * pydantic itself gave.
 */
final class PydanticDuration {

    private static final long UNSIGNED_INT_MAX = 0xFFFF_FFFFL;
    private static final long MAX_DAYS = 999_999_999L;
    private static final long MAX_HOURS = 24L * 100_000_000L;
    /** Pydantic reads at most this many characters after the colon that ends a duration's hours. */
    private static final int CLOCK_AFTER_HOURS = 12;

    private PydanticDuration() {
    }

    /**
     * A duration as pydantic reads text: ISO 8601 ({@code P1W2DT3H}, with {@code Y} as 365 days, {@code M} before
     * {@code T} as 30 days, and a fraction on the last quantity), {@code HH:MM:SS[.fraction]} with any number of
     * hours, or {@code D days[,] [HH:MM[:SS]]} ({@code d} for {@code days} too), each optionally signed; null when it
     * is none of these or longer than 999,999,999 days.
     */
    static Duration parse(String text) {
        if (text.isEmpty() || !text.chars().allMatch(c -> c < 0x80)) {
            return null;
        }
        TimeTextCursor cursor = new TimeTextCursor(text);
        boolean negative = cursor.skip('-');
        if (!negative) {
            cursor.skip('+');
        }
        try {
            Span span;
            if (cursor.skip('P')) {
                span = iso(cursor);
            } else if (text.indexOf('d') >= 0 || text.indexOf('D') >= 0 || text.length() < 5) {
                span = daysAndClock(cursor);
            } else {
                span = clock(cursor, MAX_HOURS);
            }
            Span normalized = span == null ? null : span.normalized();
            return normalized == null ? null : normalized.toDuration(negative);
        } catch (TooLarge refused) {
            return null;
        }
    }

    /** The quantities after {@code P}: each a whole number, a fraction only on the last, then its unit. */
    private static Span iso(TimeTextCursor cursor) {
        int start = cursor.position();
        boolean afterT = false;
        boolean hadFraction = false;
        long days = 0;
        long seconds = 0;
        long micros = 0;
        while (!cursor.atEnd()) {
            if (cursor.skip('T')) {
                if (afterT) {
                    return null;
                }
                afterT = true;
                continue;
            }
            long value = cursor.number();
            if (value < 0 || hadFraction) {
                return null;
            }
            double fraction = 0;
            if (cursor.skip('.') || cursor.skip(',')) {
                fraction = cursor.decimalFraction();
                hadFraction = true;
            }
            long unit = cursor.atEnd() ? -1 : afterT ? secondsPer(cursor.next()) : daysPer(cursor.next());
            if (unit < 0) {
                return null;
            }
            if (afterT) {
                double extraSeconds = fraction * unit;
                double wholeSeconds = Math.floor(extraSeconds);
                seconds = counter(counter(seconds + counter(unit * value)) + (long) wholeSeconds);
                micros = counter(micros + Math.round((extraSeconds - wholeSeconds) * 1_000_000.0));
            } else {
                double extraDays = fraction * unit;
                double wholeDays = Math.floor(extraDays);
                double extraSeconds = (extraDays - wholeDays) * 86_400.0;
                double wholeSeconds = Math.floor(extraSeconds);
                days = counter(counter(days + counter(value * unit)) + (long) wholeDays);
                seconds = counter(seconds + (long) wholeSeconds);
                micros += Math.round((extraSeconds - wholeSeconds) * 1_000_000.0);
            }
        }
        return cursor.position() - start < 2 ? null : new Span(days, seconds, micros);
    }

    /**
     * {@code D}, then {@code d} or {@code D}, optionally followed by {@code ay} or {@code ays} in lower case or
     * {@code AY} or {@code AYS} in upper case, an optional comma and space, then a clock below 24 hours.
     */
    private static Span daysAndClock(TimeTextCursor cursor) {
        long days = cursor.number();
        if (days < 0) {
            return null;
        }
        cursor.skip(' ');
        if (cursor.atEnd() || Character.toLowerCase(cursor.next()) != 'd') {
            return null;
        }
        if (cursor.skip('a')) {
            if (!cursor.skip('y')) {
                return null;
            }
            cursor.skip('s');
        } else if (cursor.skip('A')) {
            if (!cursor.skip('Y')) {
                return null;
            }
            cursor.skip('S');
        }
        cursor.skip(',');
        cursor.skip(' ');
        if (cursor.atEnd()) {
            return new Span(days, 0, 0);
        }
        Span clock = clock(cursor, 23);
        return clock == null ? null : new Span(days, clock.seconds(), clock.micros());
    }

    /**
     * {@code H:MM[:SS[.fraction]]} with up to ten hour digits, at most {@code maxHours}; as in pydantic, only the
     * first twelve characters after the hours' colon are read, so a fraction's digits beyond six are dropped.
     */
    private static Span clock(TimeTextCursor cursor, long maxHours) {
        String text = cursor.text();
        int start = cursor.position();
        int colon = text.indexOf(':', start);
        if (text.length() - start < 5 || colon < 0 || colon - start > 10) {
            return null;
        }
        long hours = 0;
        for (int i = start; i < colon; i++) {
            char c = text.charAt(i);
            if (!TimeTextCursor.isDigit(c)) {
                return null;
            }
            hours = hours * 10 + (c - '0');
        }
        if (hours > MAX_HOURS || hours > maxHours) {
            return null;
        }
        TimeTextCursor rest = new TimeTextCursor(
                text.substring(colon + 1, Math.min(text.length(), colon + 1 + CLOCK_AFTER_HOURS)));
        long micros = rest.minutesAndSeconds();
        if (micros < 0 || !rest.atEnd()) {
            return null;
        }
        return new Span(hours / 24, hours % 24 * 3_600 + micros / 1_000_000L, micros % 1_000_000L);
    }

    private static long secondsPer(char unit) {
        return switch (unit) {
            case 'H' -> 3_600;
            case 'M' -> 60;
            case 'S' -> 1;
            default -> -1;
        };
    }

    private static long daysPer(char unit) {
        return switch (unit) {
            case 'Y' -> 365;
            case 'M' -> 30;
            case 'W' -> 7;
            case 'D' -> 1;
            default -> -1;
        };
    }

    /** {@code value}, which must fit 32 unsigned bits as pydantic's counters must; else the text is refused. */
    private static long counter(long value) {
        if (value < 0 || value > UNSIGNED_INT_MAX) {
            throw TooLarge.INSTANCE;
        }
        return value;
    }

    /** A quantity too large for pydantic's counters, which refuses the whole text. */
    private static final class TooLarge extends RuntimeException {

        private static final TooLarge INSTANCE = new TooLarge();

        private TooLarge() {
            super(null, null, false, false);
        }
    }

    /** Days, seconds and microseconds of a duration before its sign, as pydantic counts them. */
    private record Span(long days, long seconds, long micros) {

        /** This span with microseconds carried into seconds and seconds into days, or null beyond the day limit. */
        Span normalized() {
            long carriedSeconds = seconds + micros / 1_000_000L;
            if (carriedSeconds > UNSIGNED_INT_MAX) {
                return null;
            }
            long carriedDays = days + carriedSeconds / 86_400L;
            if (carriedDays > MAX_DAYS) {
                return null;
            }
            return new Span(carriedDays, carriedSeconds % 86_400L, micros % 1_000_000L);
        }

        Duration toDuration(boolean negative) {
            Duration magnitude = Duration.ofDays(days).plusSeconds(seconds).plus(micros, ChronoUnit.MICROS);
            return negative ? magnitude.negated() : magnitude;
        }
    }
}
