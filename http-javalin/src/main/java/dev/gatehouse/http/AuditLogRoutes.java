package dev.gatehouse.http;

import static dev.gatehouse.http.Route.route;

import dev.gatehouse.ports.in.AuditLog;
import dev.gatehouse.ports.in.AuditQuery;
import dev.gatehouse.ports.model.AuditAction;
import dev.gatehouse.ports.model.InvalidInputException;
import dev.gatehouse.ports.model.Scope;
import io.javalin.http.HandlerType;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** {@code /api/v1/audit-logs/}: windows of the organization's audit log, and one entry with its change. */
final class AuditLogRoutes {

    /** Every action the reference names, including those Gatehouse never records (a filter for them finds none). */
    static final List<String> ACTIONS = List.of("INSERT", "UPDATE", "DELETE", "VIEW", "LOGIN", "FAILED_LOGIN",
            "LOGOUT", "CLAIM_INVITATION", "REVOKE_INVITATION", "VERIFY");

    private static final String TAG = "Audit Logs";
    private static final String COLLECTION = "/api/v1/audit-logs/";
    private static final String ITEM = "/api/v1/audit-logs/{audit_log_id}/";

    private final AuditLog auditLog;

    AuditLogRoutes(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    List<Route> routes() {
        return List.of(
                route(HandlerType.GET, COLLECTION, "list_audit_logs", "List Audit Logs", TAG)
                        .apiKey(Scope.ORGANIZATION_AUDITLOG)
                        .query(new Route.QueryParameter("start_time", true, Schemas.dateTime(),
                                "Start time for audit logs (inclusive)"))
                        .query(new Route.QueryParameter("end_time", false, Schemas.nullable(Schemas.dateTime()),
                                "End time for audit logs (exclusive); absent means now. The time range cannot"
                                        + " exceed 90 days: a longer one is a 400."))
                        .query(new Route.QueryParameter("action", false,
                                Schemas.nullable(Schemas.ref("AuditLogAction")), "Filter by action type"))
                        .answers(200, Route.Payload.jsonArray("AuditLogInfoRead"))
                        .alsoFails(400)
                        .handledBy(this::list),
                route(HandlerType.GET, ITEM, "get_audit_log", "Get Audit Log", TAG)
                        .apiKey(Scope.ORGANIZATION_AUDITLOG)
                        .answers(200, Route.Payload.json("AuditLogDetailRead"))
                        .handledBy(this::get));
    }

    private void list(Call call) {
        QueryParams params = call.query();
        Instant start = params.requiredInstant("start_time");
        Instant end = params.optionalInstant("end_time");
        String action = params.optionalChoice("action", ACTIONS);
        params.validate();
        AuditAction recorded = recordedAction(action);
        AuditQuery query;
        try {
            query = new AuditQuery(start, end, recorded);
        } catch (InvalidInputException e) {
            throw new ApiException.Invalid(List.of(ValidationError.of(e.type(), List.of("query", e.field()),
                    e.getMessage(), params.raw(e.field()))));
        }
        if (action != null && recorded == null) {
            // An action of the reference that Gatehouse never records matches nothing, once scope and window pass.
            auditLog.list(call.principal(), query);
            call.json(200, List.of());
            return;
        }
        call.json(200, auditLog.listViews(call.principal(), query).stream().map(Wire.AuditLogInfoRead::of).toList());
    }

    private void get(Call call) {
        call.json(200, Wire.AuditLogDetailRead.of(auditLog.getView(call.principal(), call.auditEntryId())));
    }

    private static AuditAction recordedAction(String action) {
        return action == null ? null : Arrays.stream(AuditAction.values())
                .filter(known -> known.name().equals(action))
                .findFirst()
                .orElse(null);
    }
}
