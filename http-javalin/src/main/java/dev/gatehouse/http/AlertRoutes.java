package dev.gatehouse.http;

import static dev.gatehouse.http.Route.route;

import dev.gatehouse.ports.in.AlertUpdate;
import dev.gatehouse.ports.in.Alerts;
import dev.gatehouse.ports.in.NewAlert;
import dev.gatehouse.ports.model.Scope;
import io.javalin.http.HandlerType;
import java.util.List;

/**
 * {@code /api/v1/projects/{project_id}/alerts/}: list, create, read, partially update and delete a project's alerts.
 * Reads answer the last-run fields; create and update answer the alert without them, as the reference does.
 */
final class AlertRoutes {

    private static final String TAG = "Alerts";
    private static final String COLLECTION = "/api/v1/projects/{project_id}/alerts/";
    private static final String ITEM = "/api/v1/projects/{project_id}/alerts/{alert_id}/";

    private final Alerts alerts;

    AlertRoutes(Alerts alerts) {
        this.alerts = alerts;
    }

    List<Route> routes() {
        return List.of(
                route(HandlerType.GET, COLLECTION, "list_alerts", "List Alerts", TAG)
                        .apiKey(Scope.PROJECT_READ_ALERT)
                        .answers(200, Route.Payload.jsonArray("AlertWithLastRun"))
                        .handledBy(this::list),
                route(HandlerType.POST, COLLECTION, "create_alert", "Create Alert", TAG)
                        .apiKey(Scope.PROJECT_WRITE_ALERT)
                        .accepts(Route.Payload.json("AlertCreate"))
                        .answers(201, Route.Payload.json("AlertRead"))
                        .alsoFails(409)
                        .handledBy(this::create),
                route(HandlerType.GET, ITEM, "get_alert", "Get Alert", TAG)
                        .apiKey(Scope.PROJECT_READ_ALERT)
                        .answers(200, Route.Payload.json("AlertWithLastRun"))
                        .handledBy(this::get),
                route(HandlerType.PUT, ITEM, "update_alert", "Update Alert", TAG)
                        .apiKey(Scope.PROJECT_WRITE_ALERT)
                        .accepts(Route.Payload.json("AlertUpdate"))
                        .answers(200, Route.Payload.json("AlertRead"))
                        .alsoFails(409)
                        .handledBy(this::update),
                route(HandlerType.DELETE, ITEM, "delete_alert", "Delete Alert", TAG)
                        .apiKey(Scope.PROJECT_WRITE_ALERT)
                        .answers(204, null)
                        .handledBy(this::delete));
    }

    private void list(Call call) {
        call.json(200, alerts.list(call.principal(), call.projectId()).stream()
                .map(AlertWire.AlertWithLastRun::of)
                .toList());
    }

    private void create(Call call) {
        NewAlert command = AlertBody.create(call.body());
        call.json(201, AlertWire.AlertRead.of(alerts.create(call.principal(), call.projectId(), command)));
    }

    private void get(Call call) {
        call.json(200, AlertWire.AlertWithLastRun.of(alerts.get(call.principal(), call.projectId(), call.alertId())));
    }

    private void update(Call call) {
        AlertUpdate update = AlertBody.update(call.body());
        call.json(200, AlertWire.AlertRead.of(alerts.update(call.principal(), call.projectId(), call.alertId(),
                update)));
    }

    private void delete(Call call) {
        alerts.delete(call.principal(), call.projectId(), call.alertId());
        call.noContent();
    }
}
