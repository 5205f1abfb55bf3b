package dev.gatehouse.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.gatehouse.ports.model.AuditAction;
import dev.gatehouse.ports.model.AuditEntry;
import dev.gatehouse.ports.model.AuditEntryId;
import dev.gatehouse.ports.model.FieldChange;
import dev.gatehouse.ports.model.Organization;
import dev.gatehouse.testkit.TestData;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The database itself keeps the audit log append-only: plain SQL that updates or deletes an entry or one of its field
 * changes is refused, and the entry reads back unchanged; appending goes on working.
 */
abstract class AuditLogAppendOnlyContract {

    /** {@code insufficient_privilege}, which both databases' triggers report. */
    private static final String REFUSED = "42501";

    private JdbcStorage storage;
    private AuditEntry entry;

    /** The database under test, empty before each test; the same one for every call within a test. */
    abstract DataSource database();

    /** A storage on {@link #database()}, which it migrates; called once per test, before anything else. */
    abstract JdbcStorage openStorage();

    @BeforeEach
    void appendOneEntry() {
        storage = openStorage();
        Organization organization = TestData.organization();
        storage.organizations().insert(organization);
        entry = new AuditEntry(AuditEntryId.random(), organization.id(), null, AuditAction.UPDATE, "project",
                "0b8f5c2e-1d3a-4e5f-8a9b-0c1d2e3f4a5b", null, TestData.T0,
                List.of(new FieldChange("description", "before", "after"), new FieldChange("visibility", "public",
                        "private")));
        storage.audit().append(entry);
    }

    @AfterEach
    void closeStorage() {
        storage.close();
    }

    @Test
    void anEntryCannotBeUpdated() throws SQLException {
        assertRefused("UPDATE audit_entries SET resource_type = 'forged' WHERE id = ?");
        assertRefused("UPDATE audit_entries SET created_at = created_at WHERE id = ?");
    }

    @Test
    void anEntryCannotBeDeleted() throws SQLException {
        assertRefused("DELETE FROM audit_entries WHERE id = ?");
    }

    @Test
    void itsFieldChangesCannotBeUpdatedOrDeleted() throws SQLException {
        assertRefused("UPDATE audit_field_changes SET new_value = 'forged' WHERE entry_id = ?");
        assertRefused("DELETE FROM audit_field_changes WHERE entry_id = ?");
    }

    @Test
    void appendingGoesOnWorking() {
        AuditEntry next = new AuditEntry(AuditEntryId.random(), entry.organizationId(), null, AuditAction.DELETE,
                "project", entry.recordId(), null, TestData.T0.plusSeconds(1),
                List.of(new FieldChange("description", "after", null)));

        storage.audit().append(next);

        assertThat(storage.audit().findById(next.id())).contains(next);
        assertThat(storage.audit().findById(entry.id())).contains(entry);
    }

    private void assertRefused(String sql) throws SQLException {
        try (Connection connection = database().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, entry.id().value());

            assertThatExceptionOfType(SQLException.class).as(sql).isThrownBy(statement::executeUpdate)
                    .satisfies(refused -> {
                        assertThat(refused.getSQLState()).isEqualTo(REFUSED);
                        assertThat(refused.getMessage()).contains("append-only");
                    });
        }
        assertThat(storage.audit().findById(entry.id())).contains(entry);
    }
}
