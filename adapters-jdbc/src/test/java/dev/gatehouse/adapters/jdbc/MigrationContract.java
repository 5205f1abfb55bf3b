package dev.gatehouse.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.gatehouse.ports.model.AuditAction;
import dev.gatehouse.ports.model.AuditEntry;
import dev.gatehouse.ports.model.AuditEntryId;
import dev.gatehouse.ports.model.Credential;
import dev.gatehouse.ports.model.CredentialId;
import dev.gatehouse.ports.model.CredentialKind;
import dev.gatehouse.ports.model.Environment;
import dev.gatehouse.ports.model.FieldChange;
import dev.gatehouse.ports.model.GatewayProxyClaims;
import dev.gatehouse.ports.model.Organization;
import dev.gatehouse.ports.model.OrganizationId;
import dev.gatehouse.ports.model.Project;
import dev.gatehouse.ports.model.ProjectId;
import dev.gatehouse.ports.model.Scope;
import dev.gatehouse.ports.model.ScopeClaims;
import dev.gatehouse.ports.model.TokenHash;
import dev.gatehouse.ports.model.Visibility;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;

/**
 * The schema's migrations on one database: an empty database reaches the latest version, and data written at the
 * previous version survives the upgrade and reads back through the stores.
 */
abstract class MigrationContract {

    /** The version before the latest; a new migration must move both constants and extend the upgrade test. */
    static final String PREVIOUS_VERSION = "10";
    static final String LATEST_VERSION = "11";

    private static final UUID ORGANIZATION = UUID.fromString("0b8f5c2e-1d3a-4e5f-8a9b-0c1d2e3f4a5b");
    private static final UUID PROJECT = UUID.fromString("1c9a6d3f-2e4b-4f6a-9bac-1d2e3f4a5b6c");
    private static final UUID KEY = UUID.fromString("2dab7e4a-3f5c-4a7b-acbd-2e3f4a5b6c7d");
    private static final UUID TOKEN = UUID.fromString("3ebc8f5b-4a6d-4b8c-bdce-3f4a5b6c7d8e");
    private static final UUID AUDIT_ENTRY = UUID.fromString("4fcd9a6c-5b7e-4c9d-8edf-4a5b6c7d8e9f");
    private static final String KEY_HASH = "a".repeat(64);
    private static final String TOKEN_HASH = "b".repeat(64);

    /** The database under test, empty; the same database for every call within one test. */
    abstract DataSource database();

    abstract Vendor vendor();

    /** A storage on {@link #database()}, created through the public factory the database is used with. */
    abstract JdbcStorage openStorage();

    @Test
    void anEmptyDatabaseIsMigratedToTheLatestVersion() throws SQLException {
        Flyway flyway = Migrations.flyway(database(), vendor(), "latest");

        flyway.migrate();

        assertThat(flyway.info().current().getVersion()).isEqualTo(MigrationVersion.fromVersion(LATEST_VERSION));
        assertThat(flyway.info().pending()).isEmpty();
        assertThat(tables()).contains("organizations", "projects", "credentials", "audit_entries",
                "audit_field_changes");
    }

    @Test
    void theLatestVersionIsTheNewestMigrationThereIs() {
        MigrationInfo[] all = Migrations.flyway(database(), vendor(), "latest").info().all();

        assertThat(all[all.length - 1].getVersion()).isEqualTo(MigrationVersion.fromVersion(LATEST_VERSION));
        assertThat(all[all.length - 2].getVersion()).isEqualTo(MigrationVersion.fromVersion(PREVIOUS_VERSION));
    }

    @Test
    void creatingAStorageMigratesAnEmptyDatabaseAndAnUpToDateOneIsLeftAlone() {
        Organization organization =
                new Organization(OrganizationId.random(), "kept", Instant.parse("2024-01-01T00:00:00Z"));
        try (JdbcStorage storage = openStorage()) {
            storage.organizations().insert(organization);
        }

        try (JdbcStorage reopened = openStorage()) {
            assertThat(reopened.organizations().list()).containsExactly(organization);
        }
        MigrationInfo[] applied = Migrations.flyway(database(), vendor(), "latest").info().applied();
        assertThat(applied).hasSameSizeAs(Migrations.flyway(database(), vendor(), "latest").info().all());
    }

    @Test
    void dataWrittenAtThePreviousVersionReadsBackThroughTheStoresAfterTheUpgrade() throws SQLException {
        Flyway previous = Migrations.flyway(database(), vendor(), PREVIOUS_VERSION);
        previous.migrate();
        assertThat(previous.info().current().getVersion()).isEqualTo(MigrationVersion.fromVersion(PREVIOUS_VERSION));
        insertWithPlainSql();
        insertAuditEntryWithPlainSql();

        try (JdbcStorage storage = openStorage()) {
            Organization organization = new Organization(new OrganizationId(ORGANIZATION), "acme",
                    Instant.parse("2024-02-29T12:34:56.123456Z"));
            Project project = new Project(new ProjectId(PROJECT), organization.id(), "web-shop", "the shop",
                    Visibility.PRIVATE, Environment.STAGING, Instant.parse("2024-03-01T00:00:00.000001Z"),
                    Instant.parse("2024-03-02T00:00:00Z"));
            Credential key = new Credential(new CredentialId(KEY), organization.id(), null, CredentialKind.API_KEY,
                    "admin", null, EnumSet.of(Scope.ORGANIZATION_ADMIN, Scope.PROJECT_READ), new TokenHash(KEY_HASH),
                    "gth_ak_AbCdEf", Instant.parse("2024-03-03T00:00:00Z"), null, null, null, null, null, null, null,
                    null);
            Credential token = new Credential(new CredentialId(TOKEN), organization.id(), project.id(),
                    CredentialKind.WRITE_TOKEN, null, "ingest", Set.of(Scope.PROJECT_WRITE_OTLP),
                    new TokenHash(TOKEN_HASH), "gth_wt_XyZ123", Instant.parse("2024-03-04T00:00:00Z"), key.id(),
                    Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2024-03-05T06:07:08.090807Z"), null,
                    Instant.parse("2024-03-04T00:00:01Z"), key.id(), null, null);

            assertThat(storage.organizations().findByName("acme")).contains(organization);
            assertThat(storage.projects().listByOrganization(organization.id())).containsExactly(project);
            assertThat(storage.credentials().findByHash(key.tokenHash())).contains(key);
            assertThat(storage.credentials().listByProject(project.id(), CredentialKind.WRITE_TOKEN))
                    .containsExactly(token);

            AuditEntry entry = new AuditEntry(AuditEntryId.random(), organization.id(), project.id(),
                    AuditAction.UPDATE, "project", project.id().toString(), key.id(),
                    Instant.parse("2024-03-06T00:00:00Z"), List.of(new FieldChange("description", "the shop", "ours")));
            storage.audit().append(entry);
            assertThat(storage.audit().findById(entry.id())).contains(entry);
            AuditEntry older = new AuditEntry(new AuditEntryId(AUDIT_ENTRY), organization.id(), null,
                    AuditAction.INSERT, "project", project.id().toString(), null,
                    Instant.parse("2024-03-01T00:00:00.000001Z"), List.of(new FieldChange("project_name", null,
                            "web-shop")));
            assertThat(storage.audit().findById(older.id())).contains(older);
            assertThatExceptionOfType(SQLException.class).isThrownBy(() -> deleteAuditEntryWithPlainSql());
            assertThat(storage.audit().findById(older.id())).contains(older);

            storage.credentials().recordUse(Map.of(token.id(), Instant.parse("2024-04-01T00:00:00Z")));
            assertThat(storage.credentials().findById(token.id()).orElseThrow().lastUsedAt())
                    .isEqualTo(Instant.parse("2024-04-01T00:00:00Z"));

            Credential gateway = new Credential(CredentialId.random(), organization.id(), null,
                    CredentialKind.API_KEY, "gateway", null, Set.of(Scope.PROJECT_GATEWAY_PROXY),
                    new TokenHash("c".repeat(64)), "gth_ak_GaTeWa", Instant.parse("2024-05-01T00:00:00Z"), key.id(),
                    null, null, null, null, null, null,
                    new ScopeClaims(new GatewayProxyClaims(10L, null, null, 100L, false)));
            storage.credentials().insert(gateway);
            assertThat(storage.credentials().findById(gateway.id())).contains(gateway);
        }
        assertThat(Migrations.flyway(database(), vendor(), "latest").info().current().getVersion())
                .isEqualTo(MigrationVersion.fromVersion(LATEST_VERSION));
    }

    private void insertWithPlainSql() throws SQLException {
        try (Connection connection = database().getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO organizations (id, name, created_at) VALUES ('" + ORGANIZATION
                    + "', 'acme', TIMESTAMP WITH TIME ZONE '2024-02-29 12:34:56.123456+00:00')");
            statement.executeUpdate("INSERT INTO projects (id, organization_id, name, description, visibility,"
                    + " environment, created_at, updated_at) VALUES ('" + PROJECT + "', '" + ORGANIZATION
                    + "', 'web-shop', 'the shop', 'private', 'staging',"
                    + " TIMESTAMP WITH TIME ZONE '2024-03-01 02:00:00.000001+02:00',"
                    + " TIMESTAMP WITH TIME ZONE '2024-03-02 00:00:00+00:00')");
            statement.executeUpdate("INSERT INTO credentials (id, organization_id, project_id, kind, name, description,"
                    + " scopes, token_hash, token_prefix, created_at) VALUES ('" + KEY + "', '" + ORGANIZATION
                    + "', NULL, 'ak', 'admin', NULL, 'organization:admin project:read', '" + KEY_HASH
                    + "', 'gth_ak_AbCdEf', TIMESTAMP WITH TIME ZONE '2024-03-03 00:00:00+00:00')");
            statement.executeUpdate("INSERT INTO credentials (id, organization_id, project_id, kind, name, description,"
                    + " scopes, token_hash, token_prefix, created_at, created_by, expires_at, last_used_at,"
                    + " updated_at, updated_by) VALUES ('" + TOKEN + "', '" + ORGANIZATION + "', '" + PROJECT
                    + "', 'wt', NULL, 'ingest', 'project:write_otlp', '" + TOKEN_HASH + "', 'gth_wt_XyZ123',"
                    + " TIMESTAMP WITH TIME ZONE '2024-03-04 00:00:00+00:00', '" + KEY + "',"
                    + " TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00:00',"
                    + " TIMESTAMP WITH TIME ZONE '2024-03-05 06:07:08.090807+00:00',"
                    + " TIMESTAMP WITH TIME ZONE '2024-03-04 00:00:01+00:00', '" + KEY + "')");
        }
    }

    /** An audit entry as the previous version could be given it, which the latest one keeps append-only. */
    private void insertAuditEntryWithPlainSql() throws SQLException {
        try (Connection connection = database().getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO audit_entries (id, organization_id, project_id, action, resource_type,"
                    + " record_id, actor_id, created_at) VALUES ('" + AUDIT_ENTRY + "', '" + ORGANIZATION + "', NULL,"
                    + " 'INSERT', 'project', '" + PROJECT + "', NULL,"
                    + " TIMESTAMP WITH TIME ZONE '2024-03-01 00:00:00.000001+00:00')");
            statement.executeUpdate("INSERT INTO audit_field_changes (entry_id, position, field_name, old_value,"
                    + " new_value) VALUES ('" + AUDIT_ENTRY + "', 0, 'project_name', NULL, 'web-shop')");
        }
    }

    private void deleteAuditEntryWithPlainSql() throws SQLException {
        try (Connection connection = database().getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM audit_entries WHERE id = '" + AUDIT_ENTRY + "'");
        }
    }

    /** The schema's table names in lower case. */
    private Set<String> tables() throws SQLException {
        Set<String> tables = new TreeSet<>();
        try (Connection connection = database().getConnection()) {
            DatabaseMetaData metadata = connection.getMetaData();
            try (ResultSet rows = metadata.getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
                while (rows.next()) {
                    tables.add(rows.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        return tables;
    }
}
