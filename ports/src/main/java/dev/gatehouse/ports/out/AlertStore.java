package dev.gatehouse.ports.out;

import dev.gatehouse.ports.model.Alert;
import dev.gatehouse.ports.model.AlertId;
import dev.gatehouse.ports.model.ProjectId;
import java.util.List;
import java.util.Optional;

/**
 * Keeps alerts with their channel assignments; a name is unique within a project. Deleting the project deletes its
 * alerts, and deleting a channel removes it from every alert (see {@link ChannelStore#delete}).
 */
public interface AlertStore {

    /**
     * Stores a new alert.
     *
     * @throws dev.gatehouse.ports.model.ConflictException if the id or the name within the project is taken
     * @throws dev.gatehouse.ports.model.NotFoundException if the project does not exist in the alert's organization,
     *     or a channel does not exist in it
     */
    void insert(Alert alert);

    /**
     * Replaces the stored alert with the same id, all fields but {@code organizationId}, {@code projectId},
     * {@code createdAt} and {@code createdBy}; the channels are replaced whole, in the new order.
     *
     * @throws dev.gatehouse.ports.model.NotFoundException if no such alert exists, or a channel does not exist in its
     *     organization
     * @throws dev.gatehouse.ports.model.ConflictException if the new name is taken in the project
     */
    void update(Alert alert);

    Optional<Alert> findById(AlertId id);

    /**
     * As {@link #findById}, and no other unit of work may change the alert, or read it with this method, until the
     * calling unit of work ends: the read to base an update on.
     */
    Optional<Alert> findByIdForUpdate(AlertId id);

    Optional<Alert> findByName(ProjectId project, String name);

    /** The project's alerts, oldest first (ties broken by id). */
    List<Alert> listByProject(ProjectId project);

    /** Deletes the alert; returns whether it existed. */
    boolean delete(AlertId id);
}
