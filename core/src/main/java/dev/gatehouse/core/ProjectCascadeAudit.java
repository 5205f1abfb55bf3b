package dev.gatehouse.core;

import dev.gatehouse.ports.model.Alert;
import dev.gatehouse.ports.model.AuditAction;
import dev.gatehouse.ports.model.Credential;
import dev.gatehouse.ports.model.Dashboard;
import dev.gatehouse.ports.model.Principal;
import dev.gatehouse.ports.model.Project;
import dev.gatehouse.ports.model.Variable;
import java.time.Instant;
import java.util.List;

/**
 * The DELETE entries of what a project's deletion removes with it (its credentials, alerts, dashboards and
 * variables), so that the log tells why a token stopped working or an alert went quiet.
 */
final class ProjectCascadeAudit {

    private ProjectCascadeAudit() {
    }

    /** Records a DELETE entry by {@code caller} for each of {@code credentials} and each other part of the project. */
    static void record(Env env, Project project, List<Credential> credentials, Principal caller, Instant now) {
        for (Credential credential : credentials) {
            env.audit().record(credential.organizationId(), project.id(), AuditAction.DELETE,
                    AuditTrail.resourceType(credential.kind()), credential.id(), caller, now,
                    new AuditTrail.Fields().removedAll(CredentialService.auditedState(credential)));
        }
        for (Alert alert : env.storage().alerts().listByProject(project.id())) {
            AlertAudit.record(env, alert, AuditAction.DELETE, caller, now, AlertAudit.removal(alert));
        }
        for (Dashboard dashboard : env.storage().dashboards().listByProject(project.id())) {
            env.audit().record(project.organizationId(), project.id(), AuditAction.DELETE, DashboardService.RESOURCE,
                    dashboard.id(), caller, now, DashboardService.removal(dashboard));
        }
        for (Variable variable : env.storage().variables().listByProject(project.id())) {
            env.audit().record(project.organizationId(), project.id(), AuditAction.DELETE, VariableService.RESOURCE,
                    variable.id(), caller, now, new AuditTrail.Fields().removedAll(VariableService.auditedState(variable)));
        }
    }
}
