package dev.gatehouse.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.ports.model.Organization;
import dev.gatehouse.ports.model.StorageException;
import dev.gatehouse.ports.out.VerificationInvalidations;
import dev.gatehouse.testkit.TestData;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The factories: what each storage is backed by, how long its data lives, and how it fails to open. */
class JdbcStorageTest {

    @TempDir
    Path directory;

    @Test
    void h2StorageServesOneInstanceAndSoAnnouncesNoInvalidations() {
        try (JdbcStorage storage = JdbcStorage.h2InMemory()) {
            assertThat(storage.invalidations()).isSameAs(VerificationInvalidations.none());
        }
    }

    @Test
    void eachInMemoryStorageIsAPrivateDatabaseOfItsOwn() {
        Organization organization = TestData.organization();
        try (JdbcStorage first = JdbcStorage.h2InMemory(); JdbcStorage second = JdbcStorage.h2InMemory()) {
            first.organizations().insert(organization);

            assertThat(second.organizations().list()).isEmpty();
            assertThat(first.organizations().list()).containsExactly(organization);
        }
    }

    @Test
    void aFileStorageKeepsItsDataAcrossCloseAndReopen() {
        Path file = directory.resolve("gatehouse");
        Organization organization = TestData.organization();
        try (JdbcStorage storage = JdbcStorage.h2File(file)) {
            storage.organizations().insert(organization);
        }

        try (JdbcStorage reopened = JdbcStorage.h2File(file)) {
            assertThat(reopened.organizations().list()).containsExactly(organization);
        }
        assertThat(directory.resolve("gatehouse.mv.db")).exists();
    }

    @Test
    void aClosedStorageRefusesWorkWithAStorageExceptionAndClosingAgainDoesNothing() {
        JdbcStorage storage = JdbcStorage.h2InMemory();

        storage.close();
        storage.close();

        assertThatThrownBy(() -> storage.organizations().list()).isInstanceOf(StorageException.class);
    }

    @Test
    void anH2FileThatOpensReadOnlyIsRefusedRatherThanServedWithEveryWriteFailing(@TempDir Path directory) {
        Path file = directory.resolve("gatehouse");
        JdbcStorage.h2File(file).close();

        assertThatThrownBy(() -> JdbcStorage.h2File(file, ";ACCESS_MODE_DATA=r"))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("can only be read: its files must be writable");
        try (JdbcStorage writable = JdbcStorage.h2File(file)) {
            assertThat(writable.organizations().list()).isEmpty();
        }
    }

    @Test
    void aUrlTheDriverCannotUseIsRefusedWithoutRepeatingItsParametersAnywhereInTheCauses() {
        assertThatThrownBy(() -> JdbcStorage.postgres(
                "jdbc:postgresql://127.0.0.1:99999/gatehouse?user=admin&password=abc#S3CRET"))
                .isInstanceOf(StorageException.class)
                .hasMessage("cannot connect to PostgreSQL at 127.0.0.1:99999/gatehouse")
                .satisfies(failure -> {
                    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                        assertThat(String.valueOf(cause.getMessage())).doesNotContain("S3CRET", "password", "jdbc:");
                    }
                });
    }

    @Test
    void anUnreachablePostgresIsAStorageExceptionNamingTheServerButNotTheUrlParameters() {
        assertThatThrownBy(() -> JdbcStorage.postgres(
                "jdbc:postgresql://127.0.0.1:1/gatehouse?user=admin&password=hunter2&connectTimeout=2"))
                .isInstanceOf(StorageException.class)
                .hasMessage("cannot connect to PostgreSQL at 127.0.0.1:1/gatehouse")
                .hasMessageNotContainingAny("hunter2", "password", "admin");
    }

    @Test
    void aUrlOfAnotherDatabaseIsRefusedWithoutBeingRepeated() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> JdbcStorage.postgres("jdbc:mysql://db/gatehouse?password=hunter2"))
                .withMessageNotContaining("hunter2");
    }

    @Test
    void aUrlTheDriverWouldMisreadIsRefusedWithoutBeingRepeated() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> JdbcStorage.postgres("jdbc:postgresql://gh:hunter2@127.0.0.1:1/gatehouse"))
                .withMessageContaining("cannot hold a user or password before the host")
                .withMessageNotContaining("hunter2");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> JdbcStorage.postgres("jdbc:postgresql://127.0.0.1:1/gatehouse;password=hunter2"))
                .withMessageContaining("after '?', not ';'")
                .withMessageNotContaining("hunter2");
        assertThat(JdbcStorage.passwordHazard("jdbc:postgresql://db1,db2:5433/gatehouse?password=p@ss;word")).isNull();
    }

    @Test
    void theDescriptionNamesTheDatabaseWithoutTheUrlParameters() {
        try (JdbcStorage storage = JdbcStorage.h2File(directory.resolve("described"))) {
            Path file = directory.resolve("described").toAbsolutePath();
            assertThat(storage).hasToString("JdbcStorage[H2 database " + file + "]");
        }
    }
}
