package dev.gatehouse.ports.in;

import dev.gatehouse.ports.model.Principal;
import dev.gatehouse.ports.model.ProjectId;
import dev.gatehouse.ports.model.VariableView;
import java.util.List;

/**
 * Creates, reads and updates the managed variables of a project. Reading needs {@code project:read_variables},
 * changing needs {@code project:write_variables}; a project outside the caller's organization or binding is
 * reported as not found.
 */
public interface Variables {

    /** The project's variables, oldest first. */
    List<VariableView> list(Principal caller, ProjectId project);

    /** The variable named {@code name} in the project. */
    VariableView get(Principal caller, ProjectId project, String name);

    /**
     * Creates a variable, adding a version for each label value not held by an earlier one; a name already used in
     * the project is a {@code ConflictException}.
     */
    VariableView create(Principal caller, ProjectId project, NewVariable command);

    /**
     * Applies a partial update to the variable named {@code name}; renaming it to a name used in the project is a
     * {@code ConflictException}. An update that changes nothing writes nothing.
     */
    VariableView update(Principal caller, ProjectId project, String name, VariableUpdate update);
}
