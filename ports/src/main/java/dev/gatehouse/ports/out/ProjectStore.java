package dev.gatehouse.ports.out;

import dev.gatehouse.ports.model.OrganizationId;
import dev.gatehouse.ports.model.Project;
import dev.gatehouse.ports.model.ProjectId;
import java.util.List;
import java.util.Optional;

/** Keeps projects; a project name is unique within its organization. */
public interface ProjectStore {

    /**
     * Stores a new project.
     *
     * @throws dev.gatehouse.ports.model.ConflictException if the id or the name within the organization is taken
     * @throws dev.gatehouse.ports.model.NotFoundException if the organization does not exist
     */
    void insert(Project project);

    /**
     * Replaces the stored project with the same id, all fields but {@code organizationId} and {@code createdAt}.
     *
     * @throws dev.gatehouse.ports.model.NotFoundException if no such project exists
     * @throws dev.gatehouse.ports.model.ConflictException if the new name is taken in the organization
     */
    void update(Project project);

    Optional<Project> findById(ProjectId id);

    /**
     * As {@link #findById}, and no other unit of work may change the project, or read it with this method, until the
     * calling unit of work ends: the read to base an update on.
     */
    Optional<Project> findByIdForUpdate(ProjectId id);

    Optional<Project> findByName(OrganizationId organization, String name);

    /** The organization's projects, oldest first (ties broken by id). */
    List<Project> listByOrganization(OrganizationId organization);

    /** Deletes the project and everything it owns (its credentials); returns whether it existed. */
    boolean delete(ProjectId id);
}
