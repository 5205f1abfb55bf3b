package dev.gatehouse.ports.in;

import dev.gatehouse.ports.model.AlertId;
import dev.gatehouse.ports.model.AlertView;
import dev.gatehouse.ports.model.Principal;
import dev.gatehouse.ports.model.ProjectId;
import java.util.List;

/**
 * Creates, reads, updates and deletes the alerts of a project. Reading needs {@code project:read_alert}, changing
 * {@code project:write_alert}; a project outside the caller's organization or project binding, and an alert of
 * another project, are reported as not found. Channels are shown masked, never with a secret.
 */
public interface Alerts {

    /** The project's alerts, oldest first, with their last-run fields. */
    List<AlertView> list(Principal caller, ProjectId project);

    /** One alert of the project, with its last-run fields. */
    AlertView get(Principal caller, ProjectId project, AlertId id);

    /**
     * Creates an alert; its query must be exactly one read-only SELECT and each of its channels a channel of the
     * caller's organization, else an {@code InvalidInputException}; a name taken in the project is a
     * {@code ConflictException}.
     */
    AlertView create(Principal caller, ProjectId project, NewAlert command);

    /** Applies a partial update under the rules of {@link #create}; an update that changes nothing writes nothing. */
    AlertView update(Principal caller, ProjectId project, AlertId id, AlertUpdate update);

    /** Deletes the alert. */
    void delete(Principal caller, ProjectId project, AlertId id);
}
