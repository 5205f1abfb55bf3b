package dev.gatehouse.http;

import static dev.gatehouse.http.Route.route;

import dev.gatehouse.ports.in.NewProject;
import dev.gatehouse.ports.in.Organizations;
import dev.gatehouse.ports.in.ProjectUpdate;
import dev.gatehouse.ports.in.Projects;
import dev.gatehouse.ports.model.Change;
import dev.gatehouse.ports.model.Environment;
import dev.gatehouse.ports.model.Organization;
import dev.gatehouse.ports.model.Project;
import dev.gatehouse.ports.model.ProjectRules;
import dev.gatehouse.ports.model.Scope;
import dev.gatehouse.ports.model.Visibility;
import io.javalin.http.HandlerType;
import java.util.List;

/** {@code /api/v1/projects/}: list, create, read, partially update and delete projects. */
final class ProjectRoutes {

    private static final String TAG = "Projects";
    private static final String COLLECTION = "/api/v1/projects/";
    private static final String ITEM = "/api/v1/projects/{project_id}/";

    private final Projects projects;
    private final Organizations organizations;

    ProjectRoutes(Projects projects, Organizations organizations) {
        this.projects = projects;
        this.organizations = organizations;
    }

    List<Route> routes() {
        return List.of(
                route(HandlerType.GET, COLLECTION, "list_projects", "List Projects", TAG)
                        .apiKey(Scope.PROJECT_READ)
                        .answers(200, Route.Payload.jsonArray("ProjectListRead"))
                        .handledBy(this::list),
                route(HandlerType.POST, COLLECTION, "create_project", "Create Project", TAG)
                        .apiKey(Scope.ORGANIZATION_CREATE_PROJECT)
                        .accepts(Route.Payload.json("ProjectCreate"))
                        .answers(201, Route.Payload.json("ProjectRead"))
                        .alsoFails(409)
                        .handledBy(this::create),
                route(HandlerType.GET, ITEM, "get_project_info", "Get Project Info", TAG)
                        .apiKey(Scope.PROJECT_READ)
                        .answers(200, Route.Payload.json("ProjectListRead"))
                        .handledBy(this::get),
                route(HandlerType.PUT, ITEM, "update_project", "Update Project", TAG)
                        .apiKey(Scope.PROJECT_WRITE)
                        .accepts(Route.Payload.json("ProjectUpdate"))
                        .answers(200, Route.Payload.json("ProjectRead"))
                        .alsoFails(409)
                        .handledBy(this::update),
                route(HandlerType.DELETE, ITEM, "delete_project", "Delete Project", TAG)
                        .apiKey(Scope.PROJECT_WRITE)
                        .answers(204, null)
                        .handledBy(this::delete));
    }

    private void list(Call call) {
        List<Project> visible = projects.list(call.principal());
        Organization organization = organizations.current(call.principal());
        call.json(200, visible.stream().map(project -> Wire.ProjectListRead.of(project, organization)).toList());
    }

    private void create(Call call) {
        JsonBody body = call.body();
        String name = body.requiredString("project_name");
        String description = body.optionalString("description");
        Visibility visibility = body.defaultedEnum("visibility", Visibility.class);
        Environment environment = body.defaultedEnum("environment", Environment.class);
        body.check("project_name", name, ProjectRules::requireValidName);
        body.check("description", description, ProjectRules::requireValidDescription);
        body.validate();
        NewProject command = new NewProject(name, description, visibility, environment);
        Organization organization = organizations.current(call.principal());
        call.json(201, Wire.ProjectRead.of(projects.create(call.principal(), command), organization));
    }

    private void get(Call call) {
        Project project = projects.get(call.principal(), call.projectId());
        call.json(200, Wire.ProjectListRead.of(project, organizations.current(call.principal())));
    }

    /** A partial update: an absent field is kept; null clears the description and keeps the fields that cannot be empty. */
    private void update(Call call) {
        JsonBody body = call.body();
        Change<String> name = body.keepOrSetString("project_name");
        Change<String> description = body.clearableString("description");
        Change<Visibility> visibility = body.keepOrSetEnum("visibility", Visibility.class);
        Change<Environment> environment = body.keepOrSetEnum("environment", Environment.class);
        body.check("project_name", name instanceof Change.SetTo<String> set ? set.value() : null,
                ProjectRules::requireValidName);
        body.check("description", description instanceof Change.SetTo<String> set ? set.value() : null,
                ProjectRules::requireValidDescription);
        body.validate();
        ProjectUpdate update = new ProjectUpdate(name, description, visibility, environment);
        Organization organization = organizations.current(call.principal());
        call.json(200, Wire.ProjectRead.of(projects.update(call.principal(), call.projectId(), update), organization));
    }

    private void delete(Call call) {
        projects.delete(call.principal(), call.projectId());
        call.noContent();
    }
}
