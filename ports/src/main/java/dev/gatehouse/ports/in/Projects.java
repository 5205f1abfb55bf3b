package dev.gatehouse.ports.in;

import dev.gatehouse.ports.model.Principal;
import dev.gatehouse.ports.model.Project;
import dev.gatehouse.ports.model.ProjectId;
import java.util.List;
import java.util.Optional;

/**
 * Creates, reads, updates and deletes the projects of the caller's organization.
 * A project outside the caller's organization or project binding is reported as not found.
 */
public interface Projects {

    /** Creates a project; needs {@code organization:create_project} and a principal not bound to one project. */
    Project create(Principal caller, NewProject command);

    /** The projects the caller can see, oldest first; needs {@code project:read}. */
    List<Project> list(Principal caller);

    /** One project; needs {@code project:read}. */
    Project get(Principal caller, ProjectId id);

    /** Applies a partial update; needs {@code project:write}. */
    Project update(Principal caller, ProjectId id, ProjectUpdate update);

    /**
     * The project the caller is bound to, needing no scope: what a write or read token may learn about itself
     * (the data-plane {@code /v1/info}); empty for a caller bound to no project.
     */
    Optional<Project> ofCaller(Principal caller);

    /** Deletes the project with all it owns in one unit of work; needs {@code project:write}. */
    void delete(Principal caller, ProjectId id);
}
