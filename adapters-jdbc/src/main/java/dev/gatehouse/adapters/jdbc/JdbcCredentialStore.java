package dev.gatehouse.adapters.jdbc;

import dev.gatehouse.ports.model.Credential;
import dev.gatehouse.ports.model.CredentialGrant;
import dev.gatehouse.ports.model.CredentialId;
import dev.gatehouse.ports.model.CredentialKind;
import dev.gatehouse.ports.model.NotFoundException;
import dev.gatehouse.ports.model.OrganizationId;
import dev.gatehouse.ports.model.ProjectId;
import dev.gatehouse.ports.model.TokenHash;
import dev.gatehouse.ports.out.CredentialStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Credentials in the {@code credentials} table, found by id or by token hash; the schema keeps hashes unique and
 * allows one rotation successor per credential. Thread-safe.
 */
final class JdbcCredentialStore implements CredentialStore {

    private static final String SELECT = "SELECT " + Rows.CREDENTIAL_COLUMNS + " FROM credentials";
    /** The verification path's query, in plain JDBC: see {@link JdbcTransactions#readDirectly}. */
    private static final String SELECT_GRANT_BY_HASH = "SELECT " + Rows.GRANT_COLUMNS
            + " FROM credentials WHERE token_hash = ?";

    private final JdbcTransactions transactions;

    JdbcCredentialStore(JdbcTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void insert(Credential credential) {
        Objects.requireNonNull(credential, "credential");
        transactions.write(
                handle -> Rows.bindClaims(handle.createUpdate("INSERT INTO credentials (" + Rows.CREDENTIAL_COLUMNS
                                + ") VALUES (:id, :organizationId, :projectId, :kind, :name, :description, :scopes,"
                                + " :tokenHash,"
                                + " :tokenPrefix, :createdAt, :createdBy, :expiresAt, :lastUsedAt, :revokedAt,"
                                + " :updatedAt, :updatedBy, :rotatedFrom, " + Rows.CLAIM_PARAMETERS + ")")
                        .bind("id", Sql.uuid(credential.id().value()))
                        .bind("organizationId", Sql.uuid(credential.organizationId().value()))
                        .bind("projectId", Sql.uuid(Rows.value(credential.projectId())))
                        .bind("kind", credential.kind().code())
                        .bind("name", credential.name())
                        .bind("description", credential.description())
                        .bind("scopes", Rows.scopes(credential.scopes()))
                        .bind("tokenHash", credential.tokenHash().hex())
                        .bind("tokenPrefix", credential.tokenPrefix())
                        .bind("createdAt", Sql.instant(credential.createdAt()))
                        .bind("createdBy", Sql.uuid(Rows.value(credential.createdBy())))
                        .bind("expiresAt", Sql.instant(credential.expiresAt()))
                        .bind("lastUsedAt", Sql.instant(credential.lastUsedAt()))
                        .bind("revokedAt", Sql.instant(credential.revokedAt()))
                        .bind("updatedAt", Sql.instant(credential.updatedAt()))
                        .bind("updatedBy", Sql.uuid(Rows.value(credential.updatedBy())))
                        .bind("rotatedFrom", Sql.uuid(Rows.value(credential.rotatedFrom()))), credential.claims())
                        .execute(),
                failure -> SqlErrors.translate(failure,
                        Map.of("ux_credentials_token_hash", "a credential with the same token hash already exists",
                                "uq_credentials_rotated_from",
                                "credential " + credential.rotatedFrom() + " has already been rotated"),
                        "credential " + credential.id() + " already exists",
                        credential.projectId() == null
                                ? "organization " + credential.organizationId() + " does not exist"
                                : "organization " + credential.organizationId() + " or its project "
                                        + credential.projectId() + " does not exist"));
    }

    @Override
    public void update(Credential credential) {
        Objects.requireNonNull(credential, "credential");
        int updated = transactions.write(
                handle -> Rows.bindClaims(handle.createUpdate("UPDATE credentials SET name = :name,"
                                + " description = :description, expires_at = :expiresAt, revoked_at = :revokedAt,"
                                + " updated_at = :updatedAt, updated_by = :updatedBy,"
                                + " gateway_spending_limit_daily = :gatewayLimitDaily,"
                                + " gateway_spending_limit_weekly = :gatewayLimitWeekly,"
                                + " gateway_spending_limit_monthly = :gatewayLimitMonthly,"
                                + " gateway_spending_limit_total = :gatewayLimitTotal,"
                                + " gateway_cache_enabled = :gatewayCacheEnabled WHERE id = :id")
                        .bind("id", Sql.uuid(credential.id().value()))
                        .bind("name", credential.name())
                        .bind("description", credential.description())
                        .bind("expiresAt", Sql.instant(credential.expiresAt()))
                        .bind("revokedAt", Sql.instant(credential.revokedAt()))
                        .bind("updatedAt", Sql.instant(credential.updatedAt()))
                        .bind("updatedBy", Sql.uuid(Rows.value(credential.updatedBy()))), credential.claims())
                        .execute(),
                failure -> SqlErrors.translate(failure, Map.of(),
                        "credential " + credential.id() + " could not be updated",
                        "credential " + credential.id() + " does not exist"));
        if (updated == 0) {
            throw new NotFoundException("credential " + credential.id() + " does not exist");
        }
    }

    @Override
    public Optional<Credential> findById(CredentialId id) {
        Objects.requireNonNull(id, "id");
        return transactions.read(handle -> handle.createQuery(SELECT + " WHERE id = :id")
                .bind("id", Sql.uuid(id.value()))
                .map(Rows.CREDENTIAL)
                .findOne());
    }

    @Override
    public Optional<Credential> findByIdForUpdate(CredentialId id) {
        Objects.requireNonNull(id, "id");
        return transactions.read(handle -> handle.createQuery(SELECT + " WHERE id = :id FOR UPDATE")
                .bind("id", Sql.uuid(id.value()))
                .map(Rows.CREDENTIAL)
                .findOne());
    }

    @Override
    public Optional<Credential> findByHash(TokenHash hash) {
        Objects.requireNonNull(hash, "hash");
        return transactions.read(handle -> handle.createQuery(SELECT + " WHERE token_hash = :hash")
                .bind("hash", hash.hex())
                .map(Rows.CREDENTIAL)
                .findOne());
    }

    @Override
    public Optional<CredentialGrant> findGrantByHash(TokenHash hash) {
        Objects.requireNonNull(hash, "hash");
        return transactions.readDirectly(connection -> {
            try (PreparedStatement select = connection.prepareStatement(SELECT_GRANT_BY_HASH)) {
                select.setString(1, hash.hex());
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(Rows.grant(row)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<Credential> listByOrganization(OrganizationId organization, CredentialKind kind) {
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(kind, "kind");
        return transactions.read(handle -> handle.createQuery(SELECT
                        + " WHERE organization_id = :organizationId AND kind = :kind ORDER BY created_at, id")
                .bind("organizationId", Sql.uuid(organization.value()))
                .bind("kind", kind.code())
                .map(Rows.CREDENTIAL)
                .list());
    }

    @Override
    public List<Credential> listByProject(ProjectId project, CredentialKind kind) {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(kind, "kind");
        return transactions.read(handle -> handle.createQuery(SELECT
                        + " WHERE project_id = :projectId AND kind = :kind ORDER BY created_at, id")
                .bind("projectId", Sql.uuid(project.value()))
                .bind("kind", kind.code())
                .map(Rows.CREDENTIAL)
                .list());
    }

    @Override
    public void recordUse(Map<CredentialId, Instant> lastUsed) {
        Objects.requireNonNull(lastUsed, "lastUsed");
        if (lastUsed.isEmpty()) {
            return;
        }
        // One order for every batch, so that two batches touching the same rows cannot deadlock.
        Map<String, Map.Entry<CredentialId, Instant>> ordered = new TreeMap<>();
        lastUsed.forEach((id, at) -> ordered.put(id.toString(), Map.entry(id, at)));
        transactions.write(
                handle -> {
                    PreparedBatch batch = handle.prepareBatch("UPDATE credentials SET last_used_at = :at"
                            + " WHERE id = :id AND (last_used_at IS NULL OR last_used_at < :at)");
                    for (Map.Entry<CredentialId, Instant> use : ordered.values()) {
                        batch.bind("id", Sql.uuid(use.getKey().value()))
                                .bind("at", Sql.instant(Objects.requireNonNull(use.getValue(), "lastUsed instant")))
                                .add();
                    }
                    return batch.execute();
                },
                failure -> SqlErrors.translate(failure, Map.of(), "recording credential use failed",
                        "recording credential use failed"));
    }
}
