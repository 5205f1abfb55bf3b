package dev.gatehouse.adapters.inmemory;

import dev.gatehouse.ports.model.AuditAction;
import dev.gatehouse.ports.model.AuditEntry;
import dev.gatehouse.ports.model.AuditEntryId;
import dev.gatehouse.ports.model.OrganizationId;
import dev.gatehouse.ports.out.AuditStore;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The audit log in memory, append-only; thread-safe, each call its own unit of work unless it joins one. */
final class InMemoryAuditStore implements AuditStore {

    private final Tables tables;

    InMemoryAuditStore(Tables tables) {
        this.tables = tables;
    }

    @Override
    public void append(AuditEntry entry) {
        Objects.requireNonNull(entry, "entry");
        tables.unitOfWork.run(() -> tables.audit.insert(entry));
    }

    @Override
    public Optional<AuditEntry> findById(AuditEntryId id) {
        Objects.requireNonNull(id, "id");
        return tables.unitOfWork.read(() -> tables.audit.get(id));
    }

    @Override
    public List<AuditEntry> list(
            OrganizationId organization, Instant from, Instant to, AuditAction action, int limit) {
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        return tables.unitOfWork.read(() -> tables.audit.select(
                        entry -> entry.organizationId().equals(organization)
                                && !entry.createdAt().isBefore(from)
                                && entry.createdAt().isBefore(to)
                                && (action == null || entry.action() == action),
                        Tables.oldestFirst(AuditEntry::createdAt, entry -> entry.id().value()))
                .stream()
                .limit(limit)
                .toList());
    }
}
