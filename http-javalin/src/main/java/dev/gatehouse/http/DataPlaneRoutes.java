package dev.gatehouse.http;

import static dev.gatehouse.http.Route.route;

import dev.gatehouse.ports.in.Organizations;
import dev.gatehouse.ports.in.Projects;
import dev.gatehouse.ports.model.Organization;
import dev.gatehouse.ports.model.Project;
import dev.gatehouse.ports.model.Scope;
import io.javalin.http.HandlerType;
import java.util.List;

/** {@code /v1/info} and {@code /v1/read-token-info}: what a write or read token may learn about itself. */
final class DataPlaneRoutes {

    private static final String TAG = "Data plane";

    private final Projects projects;
    private final Organizations organizations;

    DataPlaneRoutes(Projects projects, Organizations organizations) {
        this.projects = projects;
        this.organizations = organizations;
    }

    List<Route> routes() {
        return List.of(
                route(HandlerType.GET, "/v1/info", "write_token_info", "Write Token Info", TAG)
                        .projectToken(Scope.PROJECT_WRITE_OTLP)
                        .answers(200, Route.Payload.json("WriteTokenInfo"))
                        .alsoFails(404)
                        .handledBy(this::writeTokenInfo),
                route(HandlerType.GET, "/v1/read-token-info", "read_token_info", "Read Token Info", TAG)
                        .projectToken(Scope.PROJECT_READ_OTLP)
                        .answers(200, Route.Payload.json("ReadTokenInfo"))
                        .alsoFails(404)
                        .handledBy(this::readTokenInfo));
    }

    private void writeTokenInfo(Call call) {
        Project project = boundProject(call);
        call.json(200, new Wire.WriteTokenInfo(project.name(), project.id().value()));
    }

    private void readTokenInfo(Call call) {
        Project project = boundProject(call);
        Organization organization = organizations.current(call.principal());
        call.json(200, new Wire.ReadTokenInfo(call.principal().credentialId().value(), project.id().value(),
                project.name(), organization.id().value(), organization.name()));
    }

    private Project boundProject(Call call) {
        return projects.ofCaller(call.principal())
                .orElseThrow(() -> new ApiException.NotFound("Project not found"));
    }
}
