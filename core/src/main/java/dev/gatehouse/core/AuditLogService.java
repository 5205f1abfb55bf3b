package dev.gatehouse.core;

import dev.gatehouse.ports.in.AuditLog;
import dev.gatehouse.ports.in.AuditQuery;
import dev.gatehouse.ports.model.AuditEntry;
import dev.gatehouse.ports.model.AuditEntryId;
import dev.gatehouse.ports.model.AuditEntryView;
import dev.gatehouse.ports.model.Credential;
import dev.gatehouse.ports.model.CredentialId;
import dev.gatehouse.ports.model.NotFoundException;
import dev.gatehouse.ports.model.Organization;
import dev.gatehouse.ports.model.Principal;
import dev.gatehouse.ports.model.Project;
import dev.gatehouse.ports.model.ProjectId;
import dev.gatehouse.ports.model.Scope;
import dev.gatehouse.ports.model.Timestamps;
import dev.gatehouse.ports.model.WindowTooLongException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link AuditLog} use cases: windows of the caller's organization's audit log, or of its project's for a
 * credential bound to one project. Thread-safe.
 */
final class AuditLogService implements AuditLog {

    private final Env env;

    AuditLogService(Env env) {
        this.env = env;
    }

    @Override
    public List<AuditEntry> list(Principal caller, AuditQuery query) {
        Objects.requireNonNull(query, "query");
        Access.require(caller, Scope.ORGANIZATION_AUDITLOG);
        Instant end = query.endTime() == null ? env.clock().instant() : query.endTime();
        if (Duration.between(query.startTime(), end).compareTo(AuditQuery.MAX_WINDOW) > 0) {
            throw new WindowTooLongException("end_time", AuditQuery.MAX_WINDOW);
        }
        if (end.isBefore(query.startTime())) {
            return List.of();
        }
        // "Until now" includes what was written at this very microsecond, which an exclusive bound would drop.
        Instant to = query.endTime() == null ? Timestamps.micros(end).plus(1, ChronoUnit.MICROS) : end;
        List<AuditEntry> entries = env.storage().audit().list(caller.organizationId(), query.startTime(), to,
                query.action(), Integer.MAX_VALUE);
        return caller.projectId() == null ? entries : entries.stream().filter(entry -> visible(caller, entry)).toList();
    }

    @Override
    public AuditEntry get(Principal caller, AuditEntryId id) {
        Objects.requireNonNull(id, "id");
        Access.require(caller, Scope.ORGANIZATION_AUDITLOG);
        return env.storage().audit().findById(id)
                .filter(entry -> entry.organizationId().equals(caller.organizationId()))
                .filter(entry -> visible(caller, entry))
                .orElseThrow(() -> new NotFoundException("Audit log not found"));
    }

    /**
     * Whether the caller may see {@code entry} of its organization: a credential bound to one project sees that
     * project's entries only, as it sees that project's resources only.
     */
    private static boolean visible(Principal caller, AuditEntry entry) {
        return caller.projectId() == null || caller.projectId().equals(entry.projectId());
    }

    @Override
    public List<AuditEntryView> listViews(Principal caller, AuditQuery query) {
        List<AuditEntry> entries = list(caller, query);
        Names names = new Names(caller);
        return entries.stream().map(names::view).toList();
    }

    @Override
    public AuditEntryView getView(Principal caller, AuditEntryId id) {
        return new Names(caller).view(get(caller, id));
    }

    /** Resolves the names beside the entries of one read, looking each project and actor up once. */
    private final class Names {
        private final String organizationName;
        private final Map<ProjectId, Optional<String>> projects = new HashMap<>();
        private final Map<CredentialId, Optional<String>> actors = new HashMap<>();

        Names(Principal caller) {
            organizationName = env.storage().organizations().findById(caller.organizationId())
                    .map(Organization::name)
                    .orElse(null);
        }

        AuditEntryView view(AuditEntry entry) {
            String projectName = entry.projectId() == null ? null : projects.computeIfAbsent(entry.projectId(),
                    id -> env.storage().projects().findById(id).map(Project::name)).orElse(null);
            String actorName = entry.actorId() == null ? null : actors.computeIfAbsent(entry.actorId(),
                    id -> env.storage().credentials().findById(id).map(Credential::name)).orElse(null);
            return new AuditEntryView(entry, organizationName, projectName, actorName);
        }
    }
}
