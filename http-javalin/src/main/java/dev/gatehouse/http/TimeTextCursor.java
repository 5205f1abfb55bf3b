package dev.gatehouse.http;

/**
 * A reading position in date-time or duration text, with the small readings {@link PydanticDateTime} and
 * {@link PydanticDuration} are built from; each returns -1 (or false) where the text does not fit it.
 */
final class TimeTextCursor {

    private static final long UNSIGNED_INT_MAX = 0xFFFF_FFFFL;

    private final String text;
    private int position;

    TimeTextCursor(String text) {
        this.text = text;
    }

    String text() {
        return text;
    }

    int position() {
        return position;
    }

    boolean atEnd() {
        return position >= text.length();
    }

    /** The next character, left unread; only when not {@link #atEnd()}. */
    char peek() {
        return text.charAt(position);
    }

    /** Reads the next character; only when not {@link #atEnd()}. */
    char next() {
        return text.charAt(position++);
    }

    /** Reads {@code expected} if it comes next. */
    boolean skip(char expected) {
        if (!atEnd() && peek() == expected) {
            position++;
            return true;
        }
        return false;
    }

    /** Reads exactly {@code count} digits as a number, or -1. */
    int digits(int count) {
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

    /** Reads one or more digits as a number that fits 32 unsigned bits, as pydantic's counters must, or -1. */
    long number() {
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

    /** Reads the digits after a decimal point (none is zero) as the fraction they spell, summed as pydantic does. */
    double decimalFraction() {
        double numerator = 0;
        double denominator = 1;
        while (!atEnd() && isDigit(peek())) {
            numerator = numerator * 10 + (next() - '0');
            denominator *= 10;
        }
        return numerator / denominator;
    }

    /**
     * Reads {@code MM[:SS[.fraction]]}, the part of a clock time after its hours (a comma may stand for the point,
     * fraction digits beyond six are read and dropped), as microseconds, or -1.
     */
    long minutesAndSeconds() {
        int minute = digits(2);
        if (minute < 0 || minute > 59) {
            return -1;
        }
        int second = 0;
        int micros = 0;
        if (skip(':')) {
            second = digits(2);
            if (second < 0 || second > 59) {
                return -1;
            }
            if (skip('.') || skip(',')) {
                micros = fractionMicros();
                if (micros < 0) {
                    return -1;
                }
            }
        }
        return (minute * 60L + second) * 1_000_000L + micros;
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

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
