package dev.gatehouse.adapters.jdbc;

import dev.gatehouse.ports.model.Credential;
import dev.gatehouse.ports.model.CredentialGrant;
import dev.gatehouse.ports.model.CredentialId;
import dev.gatehouse.ports.model.CredentialKind;
import dev.gatehouse.ports.model.Environment;
import dev.gatehouse.ports.model.GatewayProxyClaims;
import dev.gatehouse.ports.model.Organization;
import dev.gatehouse.ports.model.OrganizationId;
import dev.gatehouse.ports.model.Project;
import dev.gatehouse.ports.model.ProjectId;
import dev.gatehouse.ports.model.Scope;
import dev.gatehouse.ports.model.ScopeClaims;
import dev.gatehouse.ports.model.TokenHash;
import dev.gatehouse.ports.model.Visibility;
import dev.gatehouse.ports.model.WireEnum;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Update;

/** Maps rows to domain records and back to column values; every column name of the schema lives here or in the SQL. */
final class Rows {

    static final String ORGANIZATION_COLUMNS = "id, name, created_at";

    static final String PROJECT_COLUMNS =
            "id, organization_id, name, description, visibility, environment, created_at, updated_at";

    static final String CREDENTIAL_COLUMNS = "id, organization_id, project_id, kind, name, description, scopes,"
            + " token_hash, token_prefix, created_at, created_by, expires_at, last_used_at, revoked_at, updated_at,"
            + " updated_by, rotated_from, gateway_spending_limit_daily, gateway_spending_limit_weekly,"
            + " gateway_spending_limit_monthly, gateway_spending_limit_total, gateway_cache_enabled";

    /** The named parameters of {@link #CREDENTIAL_COLUMNS}' claims, which {@link #bindClaims} binds. */
    static final String CLAIM_PARAMETERS =
            ":gatewayLimitDaily, :gatewayLimitWeekly, :gatewayLimitMonthly, :gatewayLimitTotal, :gatewayCacheEnabled";

    static final RowMapper<Organization> ORGANIZATION = (row, context) -> new Organization(
            new OrganizationId(Sql.uuid(row, "id")), row.getString("name"), Sql.instant(row, "created_at"));

    static final RowMapper<Project> PROJECT = (row, context) -> new Project(
            new ProjectId(Sql.uuid(row, "id")),
            new OrganizationId(Sql.uuid(row, "organization_id")),
            row.getString("name"),
            row.getString("description"),
            wireEnum(Visibility.class, row, "visibility"),
            wireEnum(Environment.class, row, "environment"),
            Sql.instant(row, "created_at"),
            Sql.instant(row, "updated_at"));

    static final String GRANT_COLUMNS =
            "id, kind, organization_id, project_id, scopes, expires_at, revoked_at IS NOT NULL AS revoked,"
                    + " gateway_spending_limit_daily, gateway_spending_limit_weekly, gateway_spending_limit_monthly,"
                    + " gateway_spending_limit_total, gateway_cache_enabled";

    /** Maps rows selected as {@link #CREDENTIAL_COLUMNS}, by position, which H2 finds without upper-casing a label. */
    static final RowMapper<Credential> CREDENTIAL = (row, context) -> credential(row);

    /** The grant in a row selected as {@link #GRANT_COLUMNS}: the verification path reads one per cache miss. */
    static CredentialGrant grant(ResultSet row) throws SQLException {
        return new CredentialGrant(
                new CredentialId(Sql.uuid(row, 1)),
                kind(row.getString(2)),
                new OrganizationId(Sql.uuid(row, 3)),
                projectId(row, 4),
                scopes(row.getString(5)),
                Sql.instant(row, 6),
                row.getBoolean(7),
                claims(row, 8));
    }

    private static Credential credential(ResultSet row) throws SQLException {
        return new Credential(
                new CredentialId(Sql.uuid(row, 1)),
                new OrganizationId(Sql.uuid(row, 2)),
                projectId(row, 3),
                kind(row.getString(4)),
                row.getString(5),
                row.getString(6),
                scopes(row.getString(7)),
                new TokenHash(row.getString(8)),
                row.getString(9),
                Sql.instant(row, 10),
                credentialId(row, 11),
                Sql.instant(row, 12),
                Sql.instant(row, 13),
                Sql.instant(row, 14),
                Sql.instant(row, 15),
                credentialId(row, 16),
                credentialId(row, 17),
                claims(row, 18));
    }

    /** The claims in the five columns from {@code first} on, in the order of {@link #CLAIM_PARAMETERS}. */
    private static ScopeClaims claims(ResultSet row, int first) throws SQLException {
        GatewayProxyClaims gateway = new GatewayProxyClaims(row.getObject(first, Long.class),
                row.getObject(first + 1, Long.class), row.getObject(first + 2, Long.class),
                row.getObject(first + 3, Long.class), row.getObject(first + 4, Boolean.class));
        return gateway.isEmpty() ? ScopeClaims.NONE : new ScopeClaims(gateway);
    }

    /** Binds {@link #CLAIM_PARAMETERS} to {@code claims}. */
    static Update bindClaims(Update update, ScopeClaims claims) {
        GatewayProxyClaims gateway = claims.gatewayProxy();
        return update.bind("gatewayLimitDaily", gateway.spendingLimitDaily())
                .bind("gatewayLimitWeekly", gateway.spendingLimitWeekly())
                .bind("gatewayLimitMonthly", gateway.spendingLimitMonthly())
                .bind("gatewayLimitTotal", gateway.spendingLimitTotal())
                .bind("gatewayCacheEnabled", gateway.cacheEnabled());
    }

    private Rows() {
    }

    /** The stored form of scopes: wire names in declaration order, one space apart, so equal sets store equally. */
    static String scopes(Set<Scope> scopes) {
        return EnumSet.copyOf(scopes).stream().map(Scope::wireName).collect(Collectors.joining(" "));
    }

    static Set<Scope> scopes(String stored) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String wireName : stored.split(" ")) {
            scopes.add(Scope.fromWireName(wireName).orElseThrow(
                    () -> new IllegalStateException("the database holds an unknown scope: " + wireName)));
        }
        return scopes;
    }

    static CredentialKind kind(String code) {
        return CredentialKind.fromCode(code).orElseThrow(
                () -> new IllegalStateException("the database holds an unknown credential kind: " + code));
    }

    static UUID value(ProjectId id) {
        return id == null ? null : id.value();
    }

    static UUID value(CredentialId id) {
        return id == null ? null : id.value();
    }

    private static ProjectId projectId(ResultSet row, int index) throws SQLException {
        UUID value = Sql.uuid(row, index);
        return value == null ? null : new ProjectId(value);
    }

    /** The credential id in {@code column}, or null where the column is. */
    static CredentialId credentialId(ResultSet row, String column) throws SQLException {
        UUID value = Sql.uuid(row, column);
        return value == null ? null : new CredentialId(value);
    }

    private static CredentialId credentialId(ResultSet row, int index) throws SQLException {
        UUID value = Sql.uuid(row, index);
        return value == null ? null : new CredentialId(value);
    }

    private static <E extends Enum<E> & WireEnum> E wireEnum(Class<E> type, ResultSet row, String column)
            throws SQLException {
        String stored = row.getString(column);
        for (E constant : type.getEnumConstants()) {
            if (constant.wireName().equals(stored)) {
                return constant;
            }
        }
        throw new IllegalStateException("the database holds an unknown " + type.getSimpleName() + ": " + stored);
    }
}
