package dev.gatehouse.ports.model;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Instants and durations spelled as the API writes them, which is as pydantic writes them, for the responses and for
 * the values the audit log records.
 */
public final class WireText {

    private static final DateTimeFormatter WHOLE_SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private WireText() {
    }

    /** {@code instant} as pydantic writes a UTC date-time: whole seconds, six fraction digits unless zero, then Z. */
    public static String instant(Instant instant) {
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
    public static String duration(Duration duration) {
        long totalMicros = duration.truncatedTo(ChronoUnit.MICROS).toNanos() / 1_000;
        long micros = Math.abs(totalMicros);
        long days = micros / 86_400_000_000L;
        long secondsOfDay = micros % 86_400_000_000L / 1_000_000L;
        long fraction = micros % 1_000_000L;
        StringBuilder text = new StringBuilder(totalMicros < 0 ? "-P" : "P");
        appendNonZero(text, days / 365, 'Y');
        appendNonZero(text, days % 365, 'D');
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
}
