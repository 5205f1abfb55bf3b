package dev.gatehouse.adapters.inmemory;

import dev.gatehouse.ports.model.ConflictException;
import dev.gatehouse.ports.model.NotFoundException;
import dev.gatehouse.ports.model.ProjectId;
import dev.gatehouse.ports.model.Variable;
import dev.gatehouse.ports.model.VariableId;
import dev.gatehouse.ports.model.VariableVersion;
import dev.gatehouse.ports.out.VariableStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Managed variables in memory, by id and by name in their project; thread-safe, each call its own unit of work unless it joins one. */
final class InMemoryVariableStore implements VariableStore {

    private final Tables tables;

    InMemoryVariableStore(Tables tables) {
        this.tables = tables;
    }

    @Override
    public void insert(Variable variable) {
        Objects.requireNonNull(variable, "variable");
        tables.unitOfWork.run(() -> {
            if (!tables.projects.contains(variable.projectId())) {
                throw new NotFoundException("project " + variable.projectId() + " not found");
            }
            tables.variables.insert(variable);
        });
    }

    @Override
    public void update(Variable variable) {
        Objects.requireNonNull(variable, "variable");
        tables.unitOfWork.run(() -> {
            Variable stored = tables.variables.get(variable.id())
                    .orElseThrow(() -> new NotFoundException("variable " + variable.id() + " not found"));
            tables.variables.replace(new Variable(stored.id(), stored.projectId(), variable.name(),
                    variable.description(), variable.jsonSchema(), variable.templateInputsSchema(), variable.rollout(),
                    variable.overrides(), variable.aliases(), variable.example(), variable.external(),
                    variable.labels(), mergedVersions(stored, variable), stored.createdAt(), stored.createdBy(),
                    variable.updatedAt(), variable.updatedBy()));
        });
    }

    @Override
    public Optional<Variable> findById(VariableId id) {
        Objects.requireNonNull(id, "id");
        return tables.unitOfWork.read(() -> tables.variables.get(id));
    }

    @Override
    public Optional<Variable> findByIdForUpdate(VariableId id) {
        // A unit of work holds every table until it ends, so the plain read already keeps other units off the row.
        return findById(id);
    }

    @Override
    public Optional<Variable> findByName(ProjectId project, String name) {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(name, "name");
        return tables.unitOfWork.read(() -> tables.variables.findUnique(tables.variablesByName,
                new Tables.InProject(project, name)));
    }

    @Override
    public Optional<Variable> findByNameForUpdate(ProjectId project, String name) {
        // As findByIdForUpdate: the unit of work already holds every table.
        return findByName(project, name);
    }

    @Override
    public List<Variable> listByProject(ProjectId project) {
        Objects.requireNonNull(project, "project");
        return tables.unitOfWork.read(() -> tables.variables.select(
                variable -> variable.projectId().equals(project),
                Tables.oldestFirst(Variable::createdAt, variable -> variable.id().value())));
    }

    /** The stored versions and the new ones; as the schema's key does, a stored number with other content conflicts. */
    private static List<VariableVersion> mergedVersions(Variable stored, Variable variable) {
        List<VariableVersion> merged = new ArrayList<>(stored.versions());
        for (VariableVersion version : variable.versions()) {
            Optional<VariableVersion> held = stored.version(version.number());
            if (held.isEmpty()) {
                merged.add(version);
            } else if (!held.get().equals(version)) {
                throw new ConflictException("variable " + stored.id() + " already has a version "
                        + version.number() + " with other content");
            }
        }
        return merged;
    }
}
