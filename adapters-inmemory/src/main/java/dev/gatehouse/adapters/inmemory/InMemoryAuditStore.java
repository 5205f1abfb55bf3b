package dev.gatehouse.adapters.inmemory;

import dev.gatehouse.ports.model.AuditAction;
import dev.gatehouse.ports.model.AuditEntry;
import dev.gatehouse.ports.model.AuditEntryId;
import dev.gatehouse.ports.model.OrganizationId;
import dev.gatehouse.ports.out.AuditStore;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The audit log in memory, append-only; thread-safe, each call its own unit of work unless it joins one. */
final class InMemoryAuditStore implements AuditStore {

    private final Tables tables;
    /** Each entry's place in the order of appending, which breaks ties of {@code created_at} as the databases do. */
    private final Map<AuditEntryId, Long> appendOrder = new ConcurrentHashMap<>();
    private final AtomicLong appended = new AtomicLong();

    InMemoryAuditStore(Tables tables) {
        this.tables = tables;
    }

    @Override
    public void append(AuditEntry entry) {
        Objects.requireNonNull(entry, "entry");
        tables.unitOfWork.run(() -> {
            tables.audit.insert(entry);
            appendOrder.put(entry.id(), appended.incrementAndGet());
            tables.unitOfWork.onRollback(() -> appendOrder.remove(entry.id()));
        });
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
                        Comparator.comparing(AuditEntry::createdAt)
                                .thenComparing(entry -> appendOrder.get(entry.id())))
                .stream()
                .limit(limit)
                .toList());
    }
}
