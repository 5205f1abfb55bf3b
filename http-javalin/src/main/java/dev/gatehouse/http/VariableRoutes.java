package dev.gatehouse.http;

import static dev.gatehouse.http.Route.route;

import dev.gatehouse.ports.in.NewVariable;
import dev.gatehouse.ports.in.VariableUpdate;
import dev.gatehouse.ports.in.Variables;
import dev.gatehouse.ports.model.Scope;
import io.javalin.http.HandlerType;
import java.util.List;

/**
 * {@code /api/v1/projects/{project_id}/variables/}: the project's variables in the SDK's form, create, one variable
 * by name in the SDK's form, and partial update by name.
 */
final class VariableRoutes {

    private static final String TAG = "Variables";
    private static final String COLLECTION = "/api/v1/projects/{project_id}/variables/";
    private static final String ITEM = "/api/v1/projects/{project_id}/variables/{name}/";

    private final Variables variables;

    VariableRoutes(Variables variables) {
        this.variables = variables;
    }

    List<Route> routes() {
        return List.of(
                route(HandlerType.GET, COLLECTION, "get_variables_config", "Get Variables Config", TAG)
                        .apiKey(Scope.PROJECT_READ_VARIABLES)
                        .answers(200, Route.Payload.json("VariablesConfig"))
                        .handledBy(this::list),
                route(HandlerType.POST, COLLECTION, "create_variable", "Create Variable", TAG)
                        .apiKey(Scope.PROJECT_WRITE_VARIABLES)
                        .accepts(Route.Payload.json("VariableDefinitionCreateRequest"))
                        .answers(201, Route.Payload.json("VariableDefinitionRead"))
                        .alsoFails(409)
                        .handledBy(this::create),
                route(HandlerType.GET, ITEM, "get_variable_by_name", "Get Variable By Name", TAG)
                        .apiKey(Scope.PROJECT_READ_VARIABLES)
                        .textParameter("name")
                        .answers(200, Route.Payload.json("VariableConfig"))
                        .handledBy(this::get),
                route(HandlerType.PUT, ITEM, "update_variable", "Update Variable", TAG)
                        .apiKey(Scope.PROJECT_WRITE_VARIABLES)
                        .textParameter("name")
                        .accepts(Route.Payload.json("VariableDefinitionUpdateRequest"))
                        .answers(200, Route.Payload.json("VariableDefinitionRead"))
                        .alsoFails(409)
                        .handledBy(this::update));
    }

    private void list(Call call) {
        call.json(200, VariableWire.VariablesConfig.of(variables.list(call.principal(), call.projectId())));
    }

    private void create(Call call) {
        NewVariable command = VariableBody.create(call.body().node());
        call.json(201, VariableWire.VariableDefinitionRead.of(
                variables.create(call.principal(), call.projectId(), command)));
    }

    private void get(Call call) {
        call.json(200, VariableWire.VariableConfig.of(
                variables.get(call.principal(), call.projectId(), call.pathText("name"))));
    }

    /** A partial update: absent fields are kept, null clears the nullable ones, labels replace the whole set. */
    private void update(Call call) {
        VariableUpdate update = VariableBody.update(call.body().node());
        call.json(200, VariableWire.VariableDefinitionRead.of(
                variables.update(call.principal(), call.projectId(), call.pathText("name"), update)));
    }
}
