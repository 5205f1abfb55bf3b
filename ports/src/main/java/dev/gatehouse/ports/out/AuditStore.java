package dev.gatehouse.ports.out;

import dev.gatehouse.ports.model.AuditAction;
import dev.gatehouse.ports.model.AuditEntry;
import dev.gatehouse.ports.model.AuditEntryId;
import dev.gatehouse.ports.model.OrganizationId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** An append-only log of audit entries: nothing here updates or deletes one. */
public interface AuditStore {

    /** Appends an entry; throws {@code ConflictException} if its id is taken. */
    void append(AuditEntry entry);

    Optional<AuditEntry> findById(AuditEntryId id);

    /**
     * The organization's entries created in {@code [from, to)}, optionally of one action, oldest first (entries of
     * the same instant in the order they were appended), at most {@code limit} of them.
     */
    List<AuditEntry> list(OrganizationId organization, Instant from, Instant to, AuditAction action, int limit);
}
