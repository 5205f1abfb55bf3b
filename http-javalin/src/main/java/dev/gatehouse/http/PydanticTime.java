package dev.gatehouse.http;

import dev.gatehouse.ports.model.Timestamps;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * Date-time and duration text read and written as pydantic (its {@code speedate} parser) does, so that what a Logfire
 * client sends means the same here and what it reads back is spelled the same; {@code PydanticTimeTest} holds it to
 * cases pydantic itself answered.
 */
final class PydanticTime {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?[0-9]+");
    private static final Pattern DECIMAL_NUMBER = Pattern.compile("[+-]?([0-9]+\\.[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");
    /** Beyond this magnitude a Unix time counts milliseconds rather than seconds. */
    private static final double MILLISECONDS_BEYOND = 2e10;
    private static final long UNSIGNED_INT_MAX = 0xFFFF_FFFFL;
    private static final long MAX_DAYS = 999_999_999L;
    private static final long MAX_HOURS = 24L * 100_000_000L;
    private static final DateTimeFormatter WHOLE_SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private PydanticTime() {
    }

    /**
     * A date-time as pydantic reads text: {@code YYYY-MM-DD}, optionally followed by {@code T}, {@code t}, {@code _}
     * or a space, {@code HH:MM[:SS[.fraction]]} and an offset ({@code Z}, {@code ±HH:MM} or {@code ±HHMM}; none reads
     * as UTC), or a Unix time in seconds, or milliseconds beyond 2e10; null when it is none of these or lies outside
     * the years 1 to 9999. Fractions beyond microseconds are dropped, as pydantic drops them.
     */
    static Instant parseDateTime(String text) {
        Instant instant = WHOLE_NUMBER.matcher(text).matches() ? wholeUnixTime(text)
                : DECIMAL_NUMBER.matcher(text).matches() ? decimalUnixTime(text)
                : new Cursor(text).dateTime();
        return instant == null || !Timestamps.inRange(instant) ? null : instant;
    }

    /**
     * A duration as pydantic reads text: ISO 8601 ({@code P1W2DT3H}, with {@code Y} as 365 days, {@code M} before
     * {@code T} as 30 days, and a fraction on the last quantity), {@code HH:MM:SS[.fraction]} with any number of
     * hours, or {@code D days[,] [HH:MM[:SS]]} ({@code d} for {@code days} too), each optionally signed; null when it
     * is none of these or longer than 999,999,999 days.
     */
    static Duration parseDuration(String text) {
        try {
            Span span = new Cursor(text).duration();
            return span == null ? null : span.toDuration();
        } catch (Refused tooLarge) {
            return null;
        }
    }

    /** {@code instant} as pydantic writes a UTC date-time: whole seconds, six fraction digits unless zero, {@code Z}. */
    static String formatDateTime(Instant instant) {
        LocalDateTime utc = LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
        int micros = utc.getNano() / 1_000;
        String seconds = WHOLE_SECONDS.format(utc);
        return micros == 0 ? seconds + "Z" : seconds + "." + String.format("%06d", micros) + "Z";
    }

    /**
     * {@code duration} as pydantic writes one: {@code P}, years of 365 days, the remaining days, then {@code T} and
     * the hours, minutes and seconds of the day that are not zero ({@code P1DT1H30M}, {@code PT0.5S}), {@code PT0S}
     * for nothing, a leading {@code -} when negative; parts below a microsecond are dropped.
     */
    static String formatDuration(Duration duration) {
        long totalMicros = duration.truncatedTo(ChronoUnit.MICROS).toNanos() / 1_000;
        long micros = Math.abs(totalMicros);
        long days = micros / 86_400_000_000L;
        long secondsOfDay = micros % 86_400_000_000L / 1_000_000L;
        long fraction = micros % 1_000_000L;
        StringBuilder text = new StringBuilder(totalMicros < 0 ? "-P" : "P");
        if (days >= 365) {
            text.append(days / 365).append('Y');
        }
        if (days % 365 != 0) {
            text.append(days % 365).append('D');
        }
        if (secondsOfDay != 0 || fraction != 0) {
            text.append('T');
            appendNonZero(text, secondsOfDay / 3_600, 'H');
            appendNonZero(text, secondsOfDay % 3_600 / 60, 'M');
            if (secondsOfDay % 60 != 0 || fraction != 0) {
                text.append(secondsOfDay % 60);
                if (fraction != 0) {
                    text.append('.').append(String.format("%06d", fraction).replaceAll("0+$", ""));
                }
                text.append('S');
            }
        }
        if (micros == 0) {
            text.append("T0S");
        }
        return text.toString();
    }

    private static void appendNonZero(StringBuilder text, long value, char unit) {
        if (value != 0) {
            text.append(value).append(unit);
        }
    }

    private static Instant wholeUnixTime(String text) {
        if (text.length() > 40) {
            return null;
        }
        return NumericInput.epochInstant(new BigDecimal(text));
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

    /** A quantity too large for pydantic's counters, which refuses the whole text. */
    private static final class Refused extends RuntimeException {

        private static final Refused INSTANCE = new Refused();

        private Refused() {
            super(null, null, false, false);
        }
    }

    /** Days, seconds of the day and microseconds of a duration before its sign, each within what pydantic allows. */
    private record Span(boolean negative, long days, long seconds, long micros) {

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
            return new Span(negative, carriedDays, carriedSeconds % 86_400L, micros % 1_000_000L);
        }

        Duration toDuration() {
            Duration magnitude = Duration.ofDays(days).plusSeconds(seconds).plus(micros, ChronoUnit.MICROS);
            return negative ? magnitude.negated() : magnitude;
        }
    }

    /** A position in the text being read; every reading method returns null where the text does not fit. */
    private static final class Cursor {

        private final String text;
        private int position;

        Cursor(String text) {
            this.text = text;
        }

        Instant dateTime() {
            LocalDate date = date();
            if (date == null) {
                return null;
            }
            if (atEnd()) {
                return date.atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if ("Tt _".indexOf(next()) < 0) {
                return null;
            }
            LocalTime time = time();
            if (time == null) {
                return null;
            }
            Integer offsetSeconds = atEnd() ? Integer.valueOf(0) : offsetSeconds();
            if (offsetSeconds == null || !atEnd()) {
                return null;
            }
            return LocalDateTime.of(date, time).toInstant(ZoneOffset.UTC).minusSeconds(offsetSeconds);
        }

        private LocalDate date() {
            int year = digits(4);
            if (year < 0 || !skip('-')) {
                return null;
            }
            int month = digits(2);
            if (month < 0 || !skip('-')) {
                return null;
            }
            int day = digits(2);
            if (day < 0) {
                return null;
            }
            try {
                return LocalDate.of(year, month, day);
            } catch (DateTimeException invalid) {
                return null;
            }
        }

        /** {@code HH:MM[:SS[.fraction]]}, hours below 24; digits of the fraction beyond six are read and dropped. */
        private LocalTime time() {
            int hour = digits(2);
            if (hour < 0 || hour > 23 || !skip(':')) {
                return null;
            }
            int minute = digits(2);
            if (minute < 0 || minute > 59) {
                return null;
            }
            int second = 0;
            int micros = 0;
            if (skip(':')) {
                second = digits(2);
                if (second < 0 || second > 59) {
                    return null;
                }
                if (skip('.') || skip(',')) {
                    micros = fractionMicros();
                    if (micros < 0) {
                        return null;
                    }
                }
            }
            return LocalTime.of(hour, minute, second, micros * 1_000);
        }

        /** One or more digits as microseconds, the first six counted. */
        private int fractionMicros() {
            int start = position;
            int micros = 0;
            while (!atEnd() && isDigit(peek())) {
                int digit = next() - '0';
                if (position - start <= 6) {
                    micros = micros * 10 + digit;
                }
            }
            int count = position - start;
            if (count == 0) {
                return -1;
            }
            for (int i = count; i < 6; i++) {
                micros *= 10;
            }
            return micros;
        }

        /** {@code Z} or {@code ±HH[:]MM} as seconds east of UTC, up to a minute short of a day either way. */
        private Integer offsetSeconds() {
            char sign = next();
            if (sign == 'Z' || sign == 'z') {
                return 0;
            }
            if (sign != '+' && sign != '-') {
                return null;
            }
            int hours = digits(2);
            if (hours < 0 || hours > 23) {
                return null;
            }
            skip(':');
            int minutes = digits(2);
            if (minutes < 0 || minutes > 59) {
                return null;
            }
            int seconds = hours * 3_600 + minutes * 60;
            return sign == '-' ? -seconds : seconds;
        }

        Span duration() {
            if (text.isEmpty() || !text.chars().allMatch(c -> c < 0x80)) {
                return null;
            }
            boolean negative = peek() == '-';
            if (peek() == '+' || peek() == '-') {
                position++;
            }
            Span span;
            if (!atEnd() && peek() == 'P') {
                position++;
                span = isoDuration(negative);
            } else if (text.indexOf('d') >= 0 || text.indexOf('D') >= 0 || text.length() < 5) {
                span = daysAndTime(negative);
            } else {
                span = hoursAndTime(negative, Long.MAX_VALUE);
            }
            return span == null ? null : span.normalized();
        }

        /** The quantities after {@code P}: each a whole number, a fraction only on the last, then its unit. */
        private Span isoDuration(boolean negative) {
            int start = position;
            boolean afterT = false;
            boolean hadFraction = false;
            long days = 0;
            long seconds = 0;
            long micros = 0;
            while (!atEnd()) {
                if (peek() == 'T') {
                    if (afterT) {
                        return null;
                    }
                    afterT = true;
                    position++;
                    continue;
                }
                long value = number();
                if (value < 0 || hadFraction) {
                    return null;
                }
                double fraction = 0;
                if (!atEnd() && (peek() == '.' || peek() == ',')) {
                    position++;
                    fraction = decimalFraction();
                    hadFraction = true;
                }
                long unit = atEnd() ? -1 : afterT ? secondsPerTimeUnit(next()) : daysPerDateUnit(next());
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
            return position - start < 2 ? null : new Span(negative, days, seconds, micros);
        }

        /** {@code D}, then {@code d}, {@code day} or {@code days} (any case), an optional comma and space, a time. */
        private Span daysAndTime(boolean negative) {
            long days = number();
            if (days < 0) {
                return null;
            }
            skip(' ');
            if (atEnd() || Character.toLowerCase(next()) != 'd') {
                return null;
            }
            if (!atEnd() && Character.toLowerCase(peek()) == 'a') {
                position++;
                if (atEnd() || Character.toLowerCase(next()) != 'y') {
                    return null;
                }
                if (!atEnd() && Character.toLowerCase(peek()) == 's') {
                    position++;
                }
            }
            skip(',');
            skip(' ');
            if (atEnd()) {
                return new Span(negative, days, 0, 0);
            }
            Span time = hoursAndTime(negative, 23);
            return time == null ? null : new Span(negative, days, time.seconds(), time.micros());
        }

        /**
         * {@code H:MM[:SS[.fraction]]} with up to ten hour digits, at most {@code maxHours}; as in pydantic, only the
         * first twelve characters after the hours' colon are read, so a fraction's digits beyond six are dropped.
         */
        private Span hoursAndTime(boolean negative, long maxHours) {
            int colon = text.indexOf(':', position);
            if (text.length() - position < 5 || colon < 0 || colon - position > 10) {
                return null;
            }
            long hours = 0;
            while (position < colon) {
                char c = next();
                if (!isDigit(c)) {
                    return null;
                }
                hours = hours * 10 + (c - '0');
            }
            if (hours > MAX_HOURS || hours > maxHours) {
                return null;
            }
            String clock = text.substring(colon + 1, Math.min(text.length(), colon + 13));
            Cursor rest = new Cursor(clock);
            int minute = rest.digits(2);
            if (minute < 0 || minute > 59) {
                return null;
            }
            int second = 0;
            int micros = 0;
            if (rest.skip(':')) {
                second = rest.digits(2);
                if (second < 0 || second > 59) {
                    return null;
                }
                if (rest.skip('.') || rest.skip(',')) {
                    micros = rest.fractionMicros();
                    if (micros < 0) {
                        return null;
                    }
                }
            }
            if (!rest.atEnd()) {
                return null;
            }
            return new Span(negative, hours / 24, hours % 24 * 3_600 + minute * 60L + second, micros);
        }

        /** The digits after a decimal point (none is zero) as the fraction they spell, summed as pydantic sums it. */
        private double decimalFraction() {
            double numerator = 0;
            double denominator = 1;
            while (!atEnd() && isDigit(peek())) {
                numerator = numerator * 10 + (next() - '0');
                denominator *= 10;
            }
            return numerator / denominator;
        }

        /** One or more digits as a number that fits 32 unsigned bits, or -1. */
        private long number() {
            if (atEnd() || !isDigit(peek())) {
                return -1;
            }
            long value = 0;
            while (!atEnd() && isDigit(peek())) {
                value = value * 10 + (next() - '0');
                if (value > UNSIGNED_INT_MAX) {
                    return -1;
                }
            }
            return value;
        }

        /** Exactly {@code count} digits as a number, or -1. */
        private int digits(int count) {
            if (text.length() - position < count) {
                return -1;
            }
            int value = 0;
            for (int i = 0; i < count; i++) {
                char c = next();
                if (!isDigit(c)) {
                    return -1;
                }
                value = value * 10 + (c - '0');
            }
            return value;
        }

        private boolean skip(char expected) {
            if (!atEnd() && peek() == expected) {
                position++;
                return true;
            }
            return false;
        }

        private boolean atEnd() {
            return position >= text.length();
        }

        private char peek() {
            return text.charAt(position);
        }

        private char next() {
            return text.charAt(position++);
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        private static long secondsPerTimeUnit(char unit) {
            return switch (unit) {
                case 'H' -> 3_600;
                case 'M' -> 60;
                case 'S' -> 1;
                default -> -1;
            };
        }

        private static long daysPerDateUnit(char unit) {
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
                throw Refused.INSTANCE;
            }
            return value;
        }
    }
}
