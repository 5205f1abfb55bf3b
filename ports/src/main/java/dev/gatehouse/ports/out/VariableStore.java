package dev.gatehouse.ports.out;

import dev.gatehouse.ports.model.ProjectId;
import dev.gatehouse.ports.model.Variable;
import dev.gatehouse.ports.model.VariableId;
import java.util.List;
import java.util.Optional;

/**
 * Keeps managed variables with their labels and versions; a name is unique within its project, versions never change,
 * and every read returns each variable as one commit left it, never parts of two.
 */
public interface VariableStore {

    /**
     * Stores a new variable with its labels, rollout rules and versions.
     *
     * @throws dev.gatehouse.ports.model.ConflictException if the id, or the name within the project, is taken
     * @throws dev.gatehouse.ports.model.NotFoundException if the project does not exist
     */
    void insert(Variable variable);

    /**
     * Replaces everything of the stored variable with the same id but its project, creation stamp and stored
     * versions: versions are immutable, so only the variable's versions numbered above the stored ones are added.
     *
     * @throws dev.gatehouse.ports.model.NotFoundException if no such variable exists
     * @throws dev.gatehouse.ports.model.ConflictException if the new name is taken in the project, or another update
     *     added a version with one of the new numbers first; nothing is written
     */
    void update(Variable variable);

    Optional<Variable> findById(VariableId id);

    /**
     * As {@link #findById}, and no other unit of work may change the variable, or read it with this method, until the
     * calling unit of work ends: the read to base an update on.
     */
    Optional<Variable> findByIdForUpdate(VariableId id);

    Optional<Variable> findByName(ProjectId project, String name);

    /**
     * As {@link #findByName}, locked as {@link #findByIdForUpdate} locks: the read to base an update of the variable
     * of that name on. Empty where no variable has the name once the lock is held, even one that had it before
     * another unit renamed it.
     */
    Optional<Variable> findByNameForUpdate(ProjectId project, String name);

    /** The project's variables, oldest first (ties broken by id). */
    List<Variable> listByProject(ProjectId project);
}
