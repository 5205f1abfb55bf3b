package dev.gatehouse.core;

import dev.gatehouse.ports.model.NotFoundException;
import dev.gatehouse.ports.model.Principal;
import dev.gatehouse.ports.model.Project;
import dev.gatehouse.ports.model.ProjectId;
import java.util.Objects;

/** The project binding every project-level resource shares: what a caller cannot see does not exist for it. */
final class ProjectBinding {

    private ProjectBinding() {
    }

    /** The project if it belongs to the caller's organization and binding; otherwise {@link NotFoundException}. */
    static Project visible(Env env, Principal caller, ProjectId id) {
        Objects.requireNonNull(id, "project");
        return env.storage().projects().findById(id)
                .filter(project -> project.organizationId().equals(caller.organizationId()))
                .filter(project -> caller.covers(project.id()))
                .orElseThrow(() -> new NotFoundException("Project not found"));
    }
}
