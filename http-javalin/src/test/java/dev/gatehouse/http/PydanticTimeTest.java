package dev.gatehouse.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.ports.model.WireText;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Date-time and duration text read and written exactly as pydantic reads and writes it: every expectation comes from
 * pydantic itself, through {@code src/test/resources/pydantic/generate_time_cases.py}.
 */
class PydanticTimeTest {

    private static final BigInteger MILLION = BigInteger.valueOf(1_000_000);

    @Test
    void readsEveryDateTimeAsPydanticDoes() {
        Map<String, String> cases = cases("datetimes.tsv");
        List<String> disagreements = new ArrayList<>();
        cases.forEach((text, expected) -> {
            Instant read = PydanticDateTime.parse(text);
            String actual = read == null ? "ERROR" : LocalDateTime.ofInstant(read, ZoneOffset.UTC) + "";
            if (!normalised(actual).equals(expected)) {
                disagreements.add("'" + text + "': pydantic " + expected + ", Gatehouse " + normalised(actual));
            }
        });
        assertThat(cases).hasSizeGreaterThan(600);
        assertThat(disagreements).isEmpty();
    }

    @Test
    void readsEveryDurationAsPydanticDoes() {
        Map<String, String> cases = cases("durations.tsv");
        List<String> disagreements = new ArrayList<>();
        cases.forEach((text, expected) -> {
            Duration read = PydanticDuration.parse(text);
            String actual = read == null ? "ERROR" : BigInteger.valueOf(read.getSeconds()).multiply(MILLION)
                    .add(BigInteger.valueOf(read.getNano() / 1_000)).toString();
            if (!actual.equals(expected)) {
                disagreements.add("'" + text + "': pydantic " + expected + ", Gatehouse " + actual);
            }
        });
        assertThat(cases).hasSizeGreaterThan(600);
        assertThat(disagreements).isEmpty();
    }

    @Test
    void writesDurationsAsPydanticDoes() {
        Map<String, String> cases = cases("written.tsv");
        assertThat(cases).isNotEmpty();
        cases.forEach((micros, expected) -> assertThat(
                WireText.duration(Duration.of(Long.parseLong(micros), ChronoUnit.MICROS)))
                .as("%s microseconds", micros).isEqualTo(expected));
    }

    @Test
    void writesDateTimesAsPydanticDoes() {
        Map<String, String> cases = cases("written-datetimes.tsv");
        assertThat(cases).isNotEmpty();
        cases.forEach((utc, expected) -> assertThat(
                WireText.instant(LocalDateTime.parse(utc).toInstant(ZoneOffset.UTC)))
                .as(utc).isEqualTo(expected));
    }

    @Test
    void writtenTextReadsBackAsTheSameValue() {
        for (String micros : cases("written.tsv").keySet()) {
            Duration duration = Duration.of(Long.parseLong(micros), ChronoUnit.MICROS);
            assertThat(PydanticDuration.parse(WireText.duration(duration))).isEqualTo(duration);
        }
        for (String utc : cases("written-datetimes.tsv").keySet()) {
            Instant instant = LocalDateTime.parse(utc).toInstant(ZoneOffset.UTC);
            assertThat(PydanticDateTime.parse(WireText.instant(instant))).isEqualTo(instant);
        }
    }

    @Test
    void dropsWhatLiesBelowAMicrosecondWhenWriting() {
        Instant instant = Instant.parse("2024-01-01T10:00:00.123456789Z");
        assertThat(WireText.instant(instant)).isEqualTo("2024-01-01T10:00:00.123456Z");
        assertThat(WireText.duration(Duration.ofNanos(1_500))).isEqualTo("PT0.000001S");
        assertThat(WireText.duration(Duration.ofNanos(999))).isEqualTo("PT0S");
    }

    /** {@code 2024-01-01T10:00} or {@code 2024-01-01T10:00:00.5} spelled as the cases spell it, six digits and Z. */
    private static String normalised(String localDateTime) {
        if (localDateTime.equals("ERROR")) {
            return localDateTime;
        }
        String withSeconds = localDateTime.length() == 16 ? localDateTime + ":00" : localDateTime;
        String whole = withSeconds.substring(0, 19);
        String fraction = withSeconds.length() > 20 ? withSeconds.substring(20) : "";
        return whole + "." + (fraction + "000000").substring(0, 6) + "Z";
    }

    private static Map<String, String> cases(String file) {
        try (InputStream in = PydanticTimeTest.class.getResourceAsStream("/pydantic/" + file)) {
            assertThat(in).as(file).isNotNull();
            Map<String, String> cases = new LinkedHashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.startsWith("#") && !line.isEmpty()) {
                    int tab = line.lastIndexOf('\t');
                    cases.put(line.substring(0, tab), line.substring(tab + 1));
                }
            }
            return cases;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
