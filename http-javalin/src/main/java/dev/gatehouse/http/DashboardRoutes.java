package dev.gatehouse.http;

import static dev.gatehouse.http.BodyReader.at;
import static dev.gatehouse.http.Route.route;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.ports.in.DashboardUpdate;
import dev.gatehouse.ports.in.Dashboards;
import dev.gatehouse.ports.in.NewDashboard;
import dev.gatehouse.ports.model.Change;
import dev.gatehouse.ports.model.DashboardId;
import dev.gatehouse.ports.model.DashboardView;
import dev.gatehouse.ports.model.Scope;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.UUID;

/**
 * {@code /api/v1/projects/{project_id}/dashboards/}: list, create (answering 200, as the reference does), read,
 * partially update with optimistic locking, and delete dashboards.
 *
 * <p>{@code GET .../dashboards/{dashboard_id}/} takes an id or a slug, as the reference's clients use both: a value
 * with the shape of a UUID names a dashboard by id, anything else by slug (a slug can never have that shape). The
 * other operations on one dashboard take its id only.
 */
final class DashboardRoutes {

    private static final String TAG = "Dashboards";
    private static final String COLLECTION = "/api/v1/projects/{project_id}/dashboards/";
    private static final String ITEM = "/api/v1/projects/{project_id}/dashboards/{dashboard_id}/";
    private static final List<Object> BODY = List.of("body");

    private final Dashboards dashboards;

    DashboardRoutes(Dashboards dashboards) {
        this.dashboards = dashboards;
    }

    List<Route> routes() {
        return List.of(
                route(HandlerType.GET, COLLECTION, "list_dashboards", "List Dashboards", TAG)
                        .apiKey(Scope.PROJECT_READ_DASHBOARD)
                        .answers(200, Route.Payload.jsonArray("DashboardSummary"))
                        .handledBy(this::list),
                route(HandlerType.POST, COLLECTION, "create_dashboard", "Create Dashboard", TAG)
                        .apiKey(Scope.PROJECT_WRITE_DASHBOARD)
                        .accepts(Route.Payload.json("DashboardCreateRequest"))
                        .answers(200, Route.Payload.json("Dashboard"))
                        .alsoFails(409)
                        .handledBy(this::create),
                route(HandlerType.GET, ITEM, "get_dashboard", "Get Dashboard (by id, or by slug where the value"
                        + " is not a UUID)", TAG)
                        .apiKey(Scope.PROJECT_READ_DASHBOARD)
                        .textParameter("dashboard_id")
                        .answers(200, Route.Payload.json("GetDashboardResponse"))
                        .handledBy(this::get),
                route(HandlerType.PUT, ITEM, "update_dashboard", "Update Dashboard", TAG)
                        .apiKey(Scope.PROJECT_WRITE_DASHBOARD)
                        .accepts(Route.Payload.json("DashboardUpdateRequest"))
                        .answers(200, Route.Payload.json("Dashboard"))
                        .alsoFails(409)
                        .handledBy(this::update),
                route(HandlerType.DELETE, ITEM, "delete_dashboard", "Delete Dashboard", TAG)
                        .apiKey(Scope.PROJECT_WRITE_DASHBOARD)
                        .answers(204, null)
                        .handledBy(this::delete));
    }

    private void list(Call call) {
        call.json(200, dashboards.list(call.principal(), call.projectId()).stream()
                .map(DashboardWire.DashboardSummary::of)
                .toList());
    }

    private void create(Call call) {
        ObjectNode body = call.body().node();
        BodyReader reader = new BodyReader();
        JsonNode nameNode = reader.required(body, "name", BODY);
        String name = nameNode == null ? null : reader.string(nameNode, at(BODY, "name"));
        JsonNode slugNode = reader.required(body, "slug", BODY);
        String slug = slugNode == null ? null : reader.string(slugNode, at(BODY, "slug"));
        JsonNode definitionNode = reader.required(body, "definition", BODY);
        String definition = definitionNode == null ? null : definition(definitionNode, reader);
        reader.validate();
        NewDashboard command = reader.build(BODY, body, () -> new NewDashboard(name, slug, definition));
        reader.validate();
        call.json(200, DashboardWire.DashboardRead.of(dashboards.create(call.principal(), call.projectId(), command)));
    }

    private void get(Call call) {
        String idOrSlug = call.pathText("dashboard_id");
        UUID id = PathIds.parseUuid(idOrSlug);
        DashboardView view = id != null
                ? dashboards.get(call.principal(), call.projectId(), new DashboardId(id))
                : dashboards.getBySlug(call.principal(), call.projectId(), idOrSlug);
        call.json(200, DashboardWire.GetDashboardResponse.of(view));
    }

    /** A partial update: an absent or null name or definition is kept; a version makes the update conditional. */
    private void update(Call call) {
        ObjectNode body = call.body().node();
        BodyReader reader = new BodyReader();
        JsonNode nameNode = body.get("name");
        String name = nameNode == null ? null : reader.nullableString(nameNode, at(BODY, "name"));
        JsonNode definitionNode = body.get("definition");
        String definition = definitionNode == null || definitionNode.isNull() ? null
                : definition(definitionNode, reader);
        JsonNode versionNode = body.get("version");
        Long version = versionNode == null || versionNode.isNull() ? null
                : reader.integer(versionNode, at(BODY, "version"));
        reader.validate();
        DashboardUpdate update = reader.build(BODY, body, () -> new DashboardUpdate(
                name == null ? Change.keep() : Change.to(name),
                definition == null ? Change.keep() : Change.to(definition),
                version));
        reader.validate();
        DashboardView updated = dashboards.update(call.principal(), call.projectId(), call.dashboardId(), update);
        call.json(200, DashboardWire.DashboardRead.of(updated));
    }

    private void delete(Call call) {
        dashboards.delete(call.principal(), call.projectId(), call.dashboardId());
        call.noContent();
    }

    /** The definition's canonical text, or null after recording its errors. */
    private static String definition(JsonNode node, BodyReader reader) {
        ObjectNode checked = DashboardDefinitionCheck.check(node, at(BODY, "definition"), reader.errors());
        return checked == null ? null : reader.freeForm(checked, at(BODY, "definition"));
    }
}
