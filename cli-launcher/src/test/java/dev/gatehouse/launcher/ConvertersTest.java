package dev.gatehouse.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.ports.model.Scope;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

/** Option values are read as the HTTP API spells them. */
class ConvertersTest {

    @ParameterizedTest
    @EnumSource(Scope.class)
    void everyScopeIsReadByItsWireName(Scope scope) {
        assertThat(new Converters.ScopeConverter().convert(scope.wireName())).isEqualTo(scope);
    }

    @Test
    void anEnumConstantNameIsNotAScope() {
        assertThatThrownBy(() -> new Converters.ScopeConverter().convert("PROJECT_READ"))
                .isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("unknown scope 'PROJECT_READ'");
    }

    @Test
    void anExpiryTakesZuluOrAnOffset() {
        Converters.InstantConverter converter = new Converters.InstantConverter();

        assertThat(converter.convert("2030-01-31T00:00:00Z")).isEqualTo(Instant.parse("2030-01-31T00:00:00Z"));
        assertThat(converter.convert("2030-01-31T02:00:00+02:00")).isEqualTo(Instant.parse("2030-01-31T00:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2030-01-31", "2030-01-31T00:00:00", "never"})
    void anExpiryWithoutAnOffsetIsRefused(String text) {
        assertThatThrownBy(() -> new Converters.InstantConverter().convert(text))
                .isInstanceOf(TypeConversionException.class);
    }

    @Test
    void aDurationIsIsoOrPlainSeconds() {
        Converters.DurationConverter converter = new Converters.DurationConverter();

        assertThat(converter.convert("PT5M")).isEqualTo(Duration.ofMinutes(5));
        assertThat(converter.convert("90")).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void aDurationMustFitNanosecondsInALong() {
        assertThat(new Converters.DurationConverter().convert("9223372036")).isEqualTo(Duration.ofSeconds(9223372036L));
        assertThatThrownBy(() -> new Converters.DurationConverter().convert("9223372037"))
                .isInstanceOf(TypeConversionException.class).hasMessageContaining("too long a duration");
        assertThatThrownBy(() -> new Converters.NonNegativeDurationConverter().convert("P110000D"))
                .isInstanceOf(TypeConversionException.class).hasMessageContaining("too long a duration");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "PT0S", "-PT1S", "", "5m"})
    void aDurationMustBePositiveAndWellFormed(String text) {
        assertThatThrownBy(() -> new Converters.DurationConverter().convert(text))
                .isInstanceOf(TypeConversionException.class);
    }
}
