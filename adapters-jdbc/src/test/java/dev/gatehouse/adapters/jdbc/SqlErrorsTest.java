package dev.gatehouse.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.ports.model.ConflictException;
import dev.gatehouse.ports.model.GatehouseException;
import dev.gatehouse.ports.model.NotFoundException;
import dev.gatehouse.ports.model.StorageException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Driver failures become the exceptions the ports promise, by SQLState, with messages that quote no SQL. */
class SqlErrorsTest {

    private static final String SECRET_LADEN_DRIVER_MESSAGE = "duplicate key value violates unique constraint"
            + " \"uq_projects_organization_name\" in INSERT INTO projects VALUES ('web', 'hunter2')";

    @Test
    void aUniqueViolationIsAConflictNamedAfterTheConstraintTheDriverBlames() {
        GatehouseException translated = translate(new SQLException(SECRET_LADEN_DRIVER_MESSAGE, "23505"));

        assertThat(translated).isInstanceOf(ConflictException.class).hasMessage("the name is taken");
    }

    @Test
    void aUniqueViolationOfAnotherConstraintIsTheGeneralConflict() {
        GatehouseException translated = translate(new SQLException("Unique index or primary key violation:"
                + " \"PUBLIC.PRIMARY_KEY_8 ON PUBLIC.PROJECTS(ID)\"", "23505"));

        assertThat(translated).isInstanceOf(ConflictException.class).hasMessage("the id is taken");
    }

    @Test
    void aForeignKeyViolationIsNotFoundUnderEitherDatabasesCode() {
        assertThat(translate(new SQLException("violates foreign key constraint", "23503")))
                .isInstanceOf(NotFoundException.class).hasMessage("the owner does not exist");
        assertThat(translate(new SQLException("Referential integrity constraint violation", "23506")))
                .isInstanceOf(NotFoundException.class).hasMessage("the owner does not exist");
    }

    @Test
    void aLostConnectionIsAStorageExceptionThatSaysSoAndQuotesNothing() {
        GatehouseException translated = translate(new SQLException(
                "terminating connection due to administrator command: " + SECRET_LADEN_DRIVER_MESSAGE, "57P01"));

        assertThat(translated).isInstanceOf(StorageException.class)
                .hasMessage("the database connection failed or was lost; nothing was written (SQLState 57P01)");
        assertThat(SqlErrors.storage(new SQLException("I/O error", "08006")))
                .hasMessageContaining("connection failed or was lost");
    }

    @Test
    void aDeadlockIsAStorageExceptionThatInvitesARetry() {
        assertThat(translate(new SQLException("deadlock detected", "40P01")))
                .isInstanceOf(StorageException.class).hasMessageContaining("may be retried");
    }

    @Test
    void anyOtherFailureIsAStorageExceptionKeepingTheCauseForDiagnosis() {
        SQLException cause = new SQLException(SECRET_LADEN_DRIVER_MESSAGE, "42P01");
        RuntimeException wrapped = new RuntimeException("statement failed", cause);

        GatehouseException translated = SqlErrors.translate(wrapped, Map.of(), "conflict", "missing");

        assertThat(translated).isInstanceOf(StorageException.class)
                .hasMessage("the database operation failed; nothing was written (SQLState 42P01)")
                .hasRootCause(cause);
    }

    @Test
    void theSqlStateIsFoundBehindABatchFailureWithoutOne() {
        BatchUpdateException batch = new BatchUpdateException("batch entry 0 failed", null, 0, new int[0], null);
        batch.setNextException(new SQLException(SECRET_LADEN_DRIVER_MESSAGE, "23505"));

        assertThat(translate(batch)).isInstanceOf(ConflictException.class).hasMessage("the name is taken");
    }

    @Test
    void noMessageRepeatsTheDriversText() {
        for (String state : new String[] {"23505", "23503", "23506", "57P01", "08006", "40001", "XX000"}) {
            assertThat(translate(new SQLException(SECRET_LADEN_DRIVER_MESSAGE, state)).getMessage())
                    .doesNotContain("INSERT", "hunter2", "VALUES");
        }
    }

    private static GatehouseException translate(SQLException failure) {
        return SqlErrors.translate(new RuntimeException(failure), Map.of("uq_projects_organization_name",
                "the name is taken"), "the id is taken", "the owner does not exist");
    }
}
