package dev.gatehouse.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gatehouse.ports.model.AuditAction;
import dev.gatehouse.ports.model.AuditEntry;
import dev.gatehouse.ports.model.AuditEntryId;
import dev.gatehouse.ports.model.Credential;
import dev.gatehouse.ports.model.CredentialId;
import dev.gatehouse.ports.model.CredentialKind;
import dev.gatehouse.ports.model.FieldChange;
import dev.gatehouse.ports.model.NotFoundException;
import dev.gatehouse.ports.model.Organization;
import dev.gatehouse.ports.model.OrganizationId;
import dev.gatehouse.ports.model.Project;
import dev.gatehouse.ports.model.Scope;
import dev.gatehouse.testkit.TestData;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The schema itself enforces what the domain promises, whoever writes to it: plain SQL that breaks a rule is refused
 * with the SQLState the adapter translates, and the column types keep ids and instants exact.
 */
abstract class SchemaContract {

    private static final String UNIQUE_VIOLATION = "23505";
    /** H2 reports a failed check as 23513, PostgreSQL as 23514. */
    private static final List<String> CHECK_VIOLATION = List.of("23513", "23514");
    /** PostgreSQL reports a missing parent row as 23503, H2 as 23506. */
    private static final List<String> FOREIGN_KEY_VIOLATION = List.of("23503", "23506");

    private JdbcStorage storage;
    private Organization organization;
    private Project project;

    /** The database under test, empty before each test; the same one for every call within a test. */
    abstract DataSource database();

    /** A storage on {@link #database()}, which it migrates; called once per test, before anything else. */
    abstract JdbcStorage openStorage();

    @BeforeEach
    void migrateAndSeed() {
        storage = openStorage();
        organization = TestData.organization();
        storage.organizations().insert(organization);
        project = TestData.project(organization.id());
        storage.projects().insert(project);
    }

    @AfterEach
    void closeStorage() {
        storage.close();
    }

    @Test
    void tokenHashesAreUniqueAndUniquelyIndexedForTheLookup() throws SQLException {
        String hash = TestData.tokenHash().hex();
        try (Connection connection = database().getConnection()) {
            insertCredential(connection, UUID.randomUUID(), organization.id().value(), null, "ak", "one", hash, null);

            SQLException refused = catchThrowableOfType(SQLException.class, () -> insertCredential(connection,
                    UUID.randomUUID(), organization.id().value(), project.id().value(), "wt", null, hash, null));

            assertThat(refused.getSQLState()).isEqualTo(UNIQUE_VIOLATION);
            assertThat(uniqueIndexColumns(connection, "credentials")).contains("token_hash");
        }
    }

    @Test
    void atMostOneCredentialNamesAGivenPredecessorWhileAnyNumberNameNone() throws SQLException {
        UUID predecessor = UUID.randomUUID();
        try (Connection connection = database().getConnection()) {
            UUID projectId = project.id().value();
            UUID organizationId = organization.id().value();
            insertCredential(connection, predecessor, organizationId, projectId, "wt", null, hash(), null);
            insertCredential(connection, UUID.randomUUID(), organizationId, projectId, "wt", null, hash(), null);
            insertCredential(connection, UUID.randomUUID(), organizationId, projectId, "wt", null, hash(), predecessor);

            SQLException refused = catchThrowableOfType(SQLException.class, () -> insertCredential(connection,
                    UUID.randomUUID(), organizationId, projectId, "wt", null, hash(), predecessor));

            assertThat(refused.getSQLState()).isEqualTo(UNIQUE_VIOLATION);
        }
    }

    @Test
    void aCredentialsProjectMustBelongToTheCredentialsOrganization() throws SQLException {
        Organization other = TestData.organization();
        storage.organizations().insert(other);
        try (Connection connection = database().getConnection()) {
            SQLException refused = catchThrowableOfType(SQLException.class, () -> insertCredential(connection,
                    UUID.randomUUID(), other.id().value(), project.id().value(), "wt", null, hash(), null));

            assertThat(refused.getSQLState()).isIn(FOREIGN_KEY_VIOLATION);
        }
        Credential crossed = new Credential(CredentialId.random(), other.id(), project.id(),
                CredentialKind.READ_TOKEN, null, null,
                Set.of(Scope.PROJECT_READ_OTLP), TestData.tokenHash(), "gth_rt_x",
                TestData.T0, null, null, null, null, null, null, null, null);
        assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> storage.credentials().insert(crossed));
    }

    @Test
    void tokensAreBoundToAProjectApiKeysAreNamedAndKindsAreKnown() throws SQLException {
        try (Connection connection = database().getConnection()) {
            for (String[] kindAndName : new String[][] {{"wt", null}, {"ak", null}, {"xx", "named"}}) {
                SQLException refused = catchThrowableOfType(SQLException.class, () -> insertCredential(connection,
                        UUID.randomUUID(), organization.id().value(), null, kindAndName[0], kindAndName[1], hash(),
                        null));

                assertThat(refused.getSQLState()).as("kind %s, name %s", (Object[]) kindAndName).isIn(CHECK_VIOLATION);
            }
        }
    }

    @Test
    void deletingAProjectRowCascadesToItsCredentialsAndLeavesTheAuditLog() throws SQLException {
        Credential token = TestData.writeToken(project).build();
        storage.credentials().insert(token);
        AuditEntry entry = new AuditEntry(AuditEntryId.random(), organization.id(),
                project.id(), AuditAction.INSERT, "write_token", token.id().toString(), token.id(), TestData.T0,
                List.of(new FieldChange("scopes", null, "project:write_otlp")));
        storage.audit().append(entry);

        try (Connection connection = database().getConnection();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM projects WHERE id = ?")) {
            delete.setObject(1, project.id().value());
            assertThat(delete.executeUpdate()).isOne();
        }

        assertThat(storage.credentials().findById(token.id())).isEmpty();
        assertThat(storage.audit().findById(entry.id())).contains(entry);
    }

    @Test
    void idsAreUuidsAndInstantsAreTimestampsWithTimeZone() throws SQLException {
        Map<String, String> types = columnTypes();

        assertThat(types).isNotEmpty();
        types.forEach((column, type) -> {
            String name = column.substring(column.indexOf('.') + 1);
            boolean typedId = name.equals("id") || name.endsWith("_id") || name.endsWith("_by")
                    || name.equals("rotated_from");
            // the audit log's record id names a resource of any type, so it is text
            if (typedId && !name.equals("record_id")) {
                assertThat(type).as(column).isEqualTo("uuid");
            }
            if (name.endsWith("_at")) {
                assertThat(type).as(column).isIn("timestamptz", "timestamp with time zone");
            }
        });
        assertThat(types).containsEntry("credentials.scopes", types.get("credentials.name"));
    }

    @Test
    void storedInstantsReadBackAsTheSameInstantInASessionOfAnotherTimeZone() throws SQLException {
        try (Connection connection = database().getConnection()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET TIME ZONE 'Asia/Kathmandu'");
            }
            try (PreparedStatement read = connection.prepareStatement(
                    "SELECT created_at FROM organizations WHERE id = ?")) {
                read.setObject(1, organization.id().value());
                try (ResultSet row = read.executeQuery()) {
                    assertThat(row.next()).isTrue();
                    assertThat(row.getObject(1, OffsetDateTime.class).toInstant()).isEqualTo(organization.createdAt());
                }
            }
        }
    }

    @Test
    void equalCreationInstantsAreOrderedByIdTextAcrossTheSignBit() {
        List<Organization> tied = new ArrayList<>();
        for (String id : List.of("ffffffff-0000-4000-8000-000000000000", "00000000-0000-4000-8000-000000000000",
                "80000000-0000-4000-8000-000000000000", "7fffffff-0000-4000-8000-000000000000")) {
            tied.add(new Organization(OrganizationId.parse(id), "tied " + id, TestData.T0.plusSeconds(60)));
        }
        tied.forEach(storage.organizations()::insert);

        assertThat(storage.organizations().list()).extracting(org -> org.id().toString()).containsExactly(
                organization.id().toString(),
                "00000000-0000-4000-8000-000000000000",
                "7fffffff-0000-4000-8000-000000000000",
                "80000000-0000-4000-8000-000000000000",
                "ffffffff-0000-4000-8000-000000000000");
    }

    private static String hash() {
        return TestData.tokenHash().hex();
    }

    private static void insertCredential(Connection connection, UUID id, UUID organization, UUID project, String kind,
            String name, String hash, UUID rotatedFrom) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO credentials (id, organization_id,"
                + " project_id, kind, name, scopes, token_hash, token_prefix, created_at, rotated_from)"
                + " VALUES (?, ?, ?, ?, ?, 'project:read', ?, 'gth_xx_AbCd', ?, ?)")) {
            insert.setObject(1, id);
            insert.setObject(2, organization);
            insert.setObject(3, project);
            insert.setString(4, kind);
            insert.setString(5, name);
            insert.setString(6, hash);
            insert.setObject(7, OffsetDateTime.ofInstant(TestData.T0_IN_MICROS, ZoneOffset.UTC));
            insert.setObject(8, rotatedFrom);
            insert.executeUpdate();
        }
    }

    /** The lower-case names of the columns that some unique index of {@code table} covers alone. */
    private static List<String> uniqueIndexColumns(Connection connection, String table) throws SQLException {
        Map<String, List<String>> columnsByIndex = new TreeMap<>();
        DatabaseMetaData metadata = connection.getMetaData();
        try (ResultSet rows = metadata.getIndexInfo(null, connection.getSchema(), identifier(metadata, table), true,
                false)) {
            while (rows.next()) {
                if (rows.getString("COLUMN_NAME") != null) {
                    columnsByIndex.computeIfAbsent(rows.getString("INDEX_NAME"), index -> new ArrayList<>())
                            .add(rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        return columnsByIndex.values().stream().filter(columns -> columns.size() == 1).map(columns -> columns.get(0))
                .toList();
    }

    /** Every column of the gatehouse tables as {@code table.column}, with its lower-case type name. */
    private Map<String, String> columnTypes() throws SQLException {
        Map<String, String> types = new TreeMap<>();
        try (Connection connection = database().getConnection()) {
            DatabaseMetaData metadata = connection.getMetaData();
            for (String table : List.of("organizations", "projects", "credentials", "audit_entries",
                    "audit_field_changes", "channels", "channel_recipients", "alerts", "alert_channels")) {
                try (ResultSet rows = metadata.getColumns(null, connection.getSchema(), identifier(metadata, table),
                        "%")) {
                    while (rows.next()) {
                        types.put(table + "." + rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT),
                                rows.getString("TYPE_NAME").toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        return types;
    }

    private static String identifier(DatabaseMetaData metadata, String name) throws SQLException {
        return metadata.storesUpperCaseIdentifiers() ? name.toUpperCase(Locale.ROOT) : name;
    }
}
