package dev.gatehouse.ports.in;

import dev.gatehouse.ports.model.AuditEntry;
import dev.gatehouse.ports.model.AuditEntryId;
import dev.gatehouse.ports.model.Principal;
import java.util.List;

/** Reads the caller's organization's audit log; needs {@code organization:auditlog}. */
public interface AuditLog {

    /** Entries in the query's window, oldest first; a window over 90 days is an {@code InvalidInputException}. */
    List<AuditEntry> list(Principal caller, AuditQuery query);

    /** One entry of the caller's organization. */
    AuditEntry get(Principal caller, AuditEntryId id);
}
