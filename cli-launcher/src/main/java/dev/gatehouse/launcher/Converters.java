package dev.gatehouse.launcher;

import dev.gatehouse.ports.model.Scope;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses option values the way the HTTP API spells them. */
final class Converters {

    /** The longest duration whose nanoseconds fit a long, which the schedulers it configures count in (292 years). */
    private static final Duration LONGEST_DURATION = Duration.ofNanos(Long.MAX_VALUE);

    private Converters() {
    }

    /** A scope by its wire name, such as {@code project:write_token}. */
    static final class ScopeConverter implements ITypeConverter<Scope> {
        @Override
        public Scope convert(String value) {
            return Scope.fromWireName(value.trim()).orElseThrow(() -> new TypeConversionException(
                    "unknown scope '" + value + "'; the scopes are: "
                            + Arrays.stream(Scope.values()).map(Scope::wireName).collect(Collectors.joining(", "))));
        }
    }

    /** An ISO 8601 instant, with {@code Z} or an offset: {@code 2030-01-31T00:00:00Z}. */
    static final class InstantConverter implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                return OffsetDateTime.parse(value.trim()).toInstant();
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value
                        + "' is not an ISO 8601 date-time with an offset, such as 2030-01-31T00:00:00Z");
            }
        }
    }

    /** An ISO 8601 duration ({@code PT5M}) or a number of seconds; positive. */
    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            Duration duration = duration(value);
            if (duration.isZero()) {
                throw new TypeConversionException("'" + value + "' is not a positive duration");
            }
            return duration;
        }
    }

    /** An ISO 8601 duration ({@code PT0.05S}) or a number of seconds; zero or more. */
    static final class NonNegativeDurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return duration(value);
        }
    }

    private static Duration duration(String value) {
        String text = value.trim();
        Duration duration;
        try {
            duration = text.chars().allMatch(Character::isDigit) && !text.isEmpty()
                    ? Duration.ofSeconds(Long.parseLong(text))
                    : Duration.parse(text);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a duration such as PT5S or 5 (seconds)");
        }
        if (duration.isNegative()) {
            throw new TypeConversionException("'" + value + "' is a negative duration");
        }
        if (duration.compareTo(LONGEST_DURATION) > 0) {
            throw new TypeConversionException("'" + value + "' is too long a duration: at most " + LONGEST_DURATION);
        }
        return duration;
    }
}
