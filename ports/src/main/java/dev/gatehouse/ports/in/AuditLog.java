package dev.gatehouse.ports.in;

import dev.gatehouse.ports.model.AuditEntry;
import dev.gatehouse.ports.model.AuditEntryId;
import dev.gatehouse.ports.model.AuditEntryView;
import dev.gatehouse.ports.model.Principal;
import java.util.List;

/**
 * Reads the caller's organization's audit log, or only its project's entries for a credential bound to one project;
 * needs {@code organization:auditlog}.
 */
public interface AuditLog {

    /** Entries in the query's window, oldest first; a window over 90 days is a {@code WindowTooLongException}. */
    List<AuditEntry> list(Principal caller, AuditQuery query);

    /** One entry the caller may see; any other is a {@code NotFoundException}. */
    AuditEntry get(Principal caller, AuditEntryId id);

    /** As {@link #list(Principal, AuditQuery)}, each entry with its organization, project and actor names. */
    List<AuditEntryView> listViews(Principal caller, AuditQuery query);

    /** As {@link #get(Principal, AuditEntryId)}, with the entry's organization, project and actor names. */
    AuditEntryView getView(Principal caller, AuditEntryId id);
}
