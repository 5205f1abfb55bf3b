package dev.gatehouse.core;

import dev.gatehouse.ports.in.AuditLog;
import dev.gatehouse.ports.in.AuditQuery;
import dev.gatehouse.ports.model.AuditEntry;
import dev.gatehouse.ports.model.AuditEntryId;
import dev.gatehouse.ports.model.InvalidInputException;
import dev.gatehouse.ports.model.NotFoundException;
import dev.gatehouse.ports.model.Principal;
import dev.gatehouse.ports.model.Scope;
import dev.gatehouse.ports.model.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/** The {@link AuditLog} use cases: windows of the caller's organization's audit log. Thread-safe. */
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
            throw new InvalidInputException("end_time", "value_error", "The time range cannot exceed 90 days");
        }
        if (end.isBefore(query.startTime())) {
            return List.of();
        }
        // "Until now" includes what was written at this very microsecond, which an exclusive bound would drop.
        Instant to = query.endTime() == null ? Timestamps.micros(end).plus(1, ChronoUnit.MICROS) : end;
        return env.storage().audit().list(caller.organizationId(), query.startTime(), to, query.action(),
                Integer.MAX_VALUE);
    }

    @Override
    public AuditEntry get(Principal caller, AuditEntryId id) {
        Objects.requireNonNull(id, "id");
        Access.require(caller, Scope.ORGANIZATION_AUDITLOG);
        return env.storage().audit().findById(id)
                .filter(entry -> entry.organizationId().equals(caller.organizationId()))
                .orElseThrow(() -> new NotFoundException("Audit log not found"));
    }
}
