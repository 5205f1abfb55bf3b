package dev.gatehouse.adapters.jdbc;

import dev.gatehouse.ports.model.AuditAction;
import dev.gatehouse.ports.model.AuditEntry;
import dev.gatehouse.ports.model.AuditEntryId;
import dev.gatehouse.ports.model.CredentialId;
import dev.gatehouse.ports.model.FieldChange;
import dev.gatehouse.ports.model.OrganizationId;
import dev.gatehouse.ports.model.ProjectId;
import dev.gatehouse.ports.out.AuditStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

/**
 * The audit log in {@code audit_entries}, with each entry's field changes in {@code audit_field_changes} by
 * position; nothing here updates or deletes a row. Thread-safe.
 */
final class JdbcAuditStore implements AuditStore {

    private static final String ENTRY_COLUMNS =
            "id, organization_id, project_id, action, resource_type, record_id, actor_id, created_at";

    /** Entries (the derived table {@code e}, already ordered and limited) with their changes, in log order. */
    private static final String WITH_CHANGES = "SELECT e.id, e.organization_id, e.project_id, e.action,"
            + " e.resource_type, e.record_id, e.actor_id, e.created_at, c.position, c.field_name, c.old_value,"
            + " c.new_value FROM (%s) e LEFT JOIN audit_field_changes c ON c.entry_id = e.id"
            + " ORDER BY e.created_at, e.append_order, c.position";

    private final JdbcTransactions transactions;

    JdbcAuditStore(JdbcTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void append(AuditEntry entry) {
        Objects.requireNonNull(entry, "entry");
        transactions.write(
                handle -> {
                    handle.createUpdate("INSERT INTO audit_entries (" + ENTRY_COLUMNS + ") VALUES (:id,"
                                    + " :organizationId, :projectId, :action, :resourceType, :recordId, :actorId,"
                                    + " :createdAt)")
                            .bind("id", Sql.uuid(entry.id().value()))
                            .bind("organizationId", Sql.uuid(entry.organizationId().value()))
                            .bind("projectId", Sql.uuid(Rows.value(entry.projectId())))
                            .bind("action", entry.action().name())
                            .bind("resourceType", entry.resourceType())
                            .bind("recordId", entry.recordId())
                            .bind("actorId", Sql.uuid(Rows.value(entry.actorId())))
                            .bind("createdAt", Sql.instant(entry.createdAt()))
                            .execute();
                    if (entry.changes().isEmpty()) {
                        return null;
                    }
                    PreparedBatch changes = handle.prepareBatch("INSERT INTO audit_field_changes (entry_id, position,"
                            + " field_name, old_value, new_value) VALUES (:entryId, :position, :field, :oldValue,"
                            + " :newValue)");
                    for (int position = 0; position < entry.changes().size(); position++) {
                        FieldChange change = entry.changes().get(position);
                        changes.bind("entryId", Sql.uuid(entry.id().value()))
                                .bind("position", position)
                                .bind("field", change.field())
                                .bind("oldValue", change.oldValue())
                                .bind("newValue", change.newValue())
                                .add();
                    }
                    return changes.execute();
                },
                failure -> SqlErrors.translate(failure, Map.of(), "audit entry " + entry.id() + " already exists",
                        "audit entry " + entry.id() + " refers to something that does not exist"));
    }

    @Override
    public Optional<AuditEntry> findById(AuditEntryId id) {
        Objects.requireNonNull(id, "id");
        String entries = "SELECT " + ENTRY_COLUMNS + ", append_order FROM audit_entries WHERE id = :id";
        List<AuditEntry> found = transactions.read(handle -> collect(
                handle.createQuery(String.format(WITH_CHANGES, entries)).bind("id", Sql.uuid(id.value()))));
        return found.stream().findFirst();
    }

    @Override
    public List<AuditEntry> list(OrganizationId organization, Instant from, Instant to, AuditAction action, int limit) {
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        if (limit == 0) {
            return List.of();
        }
        String entries = "SELECT " + ENTRY_COLUMNS + ", append_order FROM audit_entries WHERE organization_id = :organizationId"
                + " AND created_at >= :from AND created_at < :to" + (action == null ? "" : " AND action = :action")
                + " ORDER BY created_at, append_order LIMIT :limit";
        return transactions.read(handle -> {
            Query query = handle.createQuery(String.format(WITH_CHANGES, entries))
                    .bind("organizationId", Sql.uuid(organization.value()))
                    .bind("from", Sql.bound(from))
                    .bind("to", Sql.bound(to))
                    .bind("limit", limit);
            if (action != null) {
                query.bind("action", action.name());
            }
            return collect(query);
        });
    }

    private static List<AuditEntry> collect(Query query) {
        Map<UUID, Builder> entries = query.reduceResultSet(new LinkedHashMap<>(), (found, row, context) -> {
            UUID id = Sql.uuid(row, "id");
            Builder builder = found.get(id);
            if (builder == null) {
                builder = new Builder(row);
                found.put(id, builder);
            }
            String field = row.getString("field_name");
            if (field != null) {
                builder.changes.add(new FieldChange(field, row.getString("old_value"), row.getString("new_value")));
            }
            return found;
        });
        return entries.values().stream().map(Builder::build).toList();
    }

    /** One entry's columns while its change rows are still arriving. */
    private static final class Builder {
        private final AuditEntryId id;
        private final OrganizationId organizationId;
        private final ProjectId projectId;
        private final AuditAction action;
        private final String resourceType;
        private final String recordId;
        private final CredentialId actorId;
        private final Instant createdAt;
        private final List<FieldChange> changes = new ArrayList<>();

        Builder(ResultSet row) throws SQLException {
            id = new AuditEntryId(Sql.uuid(row, "id"));
            organizationId = new OrganizationId(Sql.uuid(row, "organization_id"));
            UUID project = Sql.uuid(row, "project_id");
            projectId = project == null ? null : new ProjectId(project);
            action = AuditAction.valueOf(row.getString("action"));
            resourceType = row.getString("resource_type");
            recordId = row.getString("record_id");
            UUID actor = Sql.uuid(row, "actor_id");
            actorId = actor == null ? null : new CredentialId(actor);
            createdAt = Sql.instant(row, "created_at");
        }

        AuditEntry build() {
            return new AuditEntry(id, organizationId, projectId, action, resourceType, recordId, actorId, createdAt,
                    changes);
        }
    }
}
