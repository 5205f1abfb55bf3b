package dev.gatehouse.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a store is called in log lines and messages, which must never show a database password. */
class StorageChoiceTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "jdbc:postgresql://db:5432/gatehouse?user=gh&password=hunter2 | jdbc:postgresql://db:5432/gatehouse",
        "jdbc:postgresql://gh:hunter2@db/gatehouse                     | jdbc:postgresql://db/gatehouse",
        "jdbc:postgresql://db1,db2:5433/gatehouse?password=hunter2      | jdbc:postgresql://db1,db2:5433/gatehouse",
        "jdbc:postgresql:gatehouse?password=hunter2                     | jdbc:postgresql:gatehouse",
    })
    void aPostgresUrlIsShownWithoutCredentialsOrParameters(String url, String shown) {
        StorageChoice choice = new StorageChoice.Postgres(url);

        assertThat(StorageChoice.Postgres.redact(url)).isEqualTo(shown);
        assertThat(choice.toString()).isEqualTo("PostgreSQL at " + shown).doesNotContain("hunter2");
    }

    @Test
    void anH2StoreIsShownByItsAbsoluteDirectory() {
        StorageChoice choice = new StorageChoice.H2File(Path.of("data/../gatehouse-data"));

        assertThat(choice.toString())
                .isEqualTo("H2 database in " + Path.of("gatehouse-data").toAbsolutePath().normalize());
        assertThat(choice.persistent()).isTrue();
        assertThat(new StorageChoice.InMemory().persistent()).isFalse();
    }

    @Test
    void settingsNeverShowThePepper() {
        GatehouseSettings settings = new GatehouseSettings(new StorageChoice.InMemory(),
                "pepper-value".getBytes(StandardCharsets.UTF_8), null);

        assertThat(settings.toString()).contains("pepper=set").doesNotContain("pepper-value");
    }
}
