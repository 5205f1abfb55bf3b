package dev.gatehouse.core;

import dev.gatehouse.core.internal.VerificationCache;
import dev.gatehouse.ports.in.NewProject;
import dev.gatehouse.ports.in.ProjectUpdate;
import dev.gatehouse.ports.in.Projects;
import dev.gatehouse.ports.model.AuditAction;
import dev.gatehouse.ports.model.ConflictException;
import dev.gatehouse.ports.model.Credential;
import dev.gatehouse.ports.model.CredentialKind;
import dev.gatehouse.ports.model.Environment;
import dev.gatehouse.ports.model.ForbiddenException;
import dev.gatehouse.ports.model.NotFoundException;
import dev.gatehouse.ports.model.Principal;
import dev.gatehouse.ports.model.Project;
import dev.gatehouse.ports.model.ProjectId;
import dev.gatehouse.ports.model.Scope;
import dev.gatehouse.ports.model.TokenHash;
import dev.gatehouse.ports.model.Visibility;
import dev.gatehouse.ports.out.ProjectStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The {@link Projects} use cases on the project store. Thread-safe. */
final class ProjectService implements Projects {

    private final Env env;
    private final VerificationCache cache;

    ProjectService(Env env, VerificationCache cache) {
        this.env = env;
        this.cache = cache;
    }

    @Override
    public Project create(Principal caller, NewProject command) {
        Objects.requireNonNull(command, "command");
        Access.require(caller, Scope.ORGANIZATION_CREATE_PROJECT);
        if (caller.projectId() != null) {
            throw new ForbiddenException("A credential bound to one project cannot create projects");
        }
        return env.storage().transactions().inTransaction(() -> {
            requireNameFree(caller, command.name());
            Instant now = env.now();
            Project project = new Project(ProjectId.random(), caller.organizationId(), command.name(),
                    command.description(), command.visibility(), command.environment(), now, now);
            store().insert(project);
            env.audit().record(project.organizationId(), project.id(), AuditAction.INSERT, AuditTrail.PROJECT,
                    project.id(), caller, now, new AuditTrail.Fields()
                            .set("project_name", project.name())
                            .set("description", project.description())
                            .set("visibility", project.visibility())
                            .set("environment", project.environment()));
            return project;
        });
    }

    @Override
    public List<Project> list(Principal caller) {
        Access.require(caller, Scope.PROJECT_READ);
        return store().listByOrganization(caller.organizationId()).stream()
                .filter(project -> caller.covers(project.id()))
                .toList();
    }

    @Override
    public Project get(Principal caller, ProjectId id) {
        Access.require(caller, Scope.PROJECT_READ);
        return visible(caller, id);
    }

    @Override
    public Project update(Principal caller, ProjectId id, ProjectUpdate update) {
        Objects.requireNonNull(update, "update");
        Access.require(caller, Scope.PROJECT_WRITE);
        return env.storage().transactions().inTransaction(() -> {
            Project current = visibleForUpdate(caller, id);
            String name = update.name().applyTo(current.name());
            String description = update.description().applyTo(current.description());
            Visibility visibility = update.visibility().applyTo(current.visibility());
            Environment environment = update.environment().applyTo(current.environment());
            AuditTrail.Fields fields = new AuditTrail.Fields()
                    .change("project_name", current.name(), name)
                    .change("description", current.description(), description)
                    .change("visibility", current.visibility(), visibility)
                    .change("environment", current.environment(), environment);
            if (fields.isEmpty()) {
                return current;
            }
            if (!name.equals(current.name())) {
                requireNameFree(caller, name);
            }
            Instant now = env.now();
            Project updated = new Project(current.id(), current.organizationId(), name, description, visibility,
                    environment, current.createdAt(), now);
            store().update(updated);
            env.audit().record(updated.organizationId(), updated.id(), AuditAction.UPDATE, AuditTrail.PROJECT,
                    updated.id(), caller, now, fields);
            return updated;
        });
    }

    @Override
    public Optional<Project> ofCaller(Principal caller) {
        if (caller.projectId() == null) {
            return Optional.empty();
        }
        return store().findById(caller.projectId())
                .filter(project -> project.organizationId().equals(caller.organizationId()));
    }

    @Override
    public void delete(Principal caller, ProjectId id) {
        Access.require(caller, Scope.PROJECT_WRITE);
        env.storage().transactions().run(() -> {
            // Locked before its credentials are listed: a credential created in it meanwhile waits for the deletion,
            // then fails, rather than go with the project without its hash being announced.
            Project project = visibleForUpdate(caller, id);
            List<Credential> credentials = credentialsOf(project);
            Set<TokenHash> hashes = credentials.stream().map(Credential::tokenHash).collect(Collectors.toSet());
            Instant now = env.now();
            ProjectCascadeAudit.record(env, project, credentials, caller, now);
            store().delete(project.id());
            // The cache is only touched once the unit commits; see CredentialService#forgetOnCommit for why.
            env.storage().invalidations().publish(hashes);
            env.storage().transactions().afterCommit(() -> cache.invalidateAll(hashes));
            env.audit().record(project.organizationId(), project.id(), AuditAction.DELETE, AuditTrail.PROJECT,
                    project.id(), caller, now, new AuditTrail.Fields()
                            .removed("project_name", project.name())
                            .removed("description", project.description())
                            .removed("visibility", project.visibility())
                            .removed("environment", project.environment()));
        });
    }

    /** Every credential the project owns, of every kind. */
    private List<Credential> credentialsOf(Project project) {
        List<Credential> credentials = new ArrayList<>();
        for (CredentialKind kind : CredentialKind.values()) {
            credentials.addAll(env.storage().credentials().listByProject(project.id(), kind));
        }
        return credentials;
    }

    /** The project if it belongs to the caller's organization and binding; otherwise it does not exist for them. */
    private Project visible(Principal caller, ProjectId id) {
        return visible(caller, store().findById(Objects.requireNonNull(id, "id")));
    }

    /** As {@link #visible(Principal, ProjectId)}, and locked until the unit of work ends: for an update. */
    private Project visibleForUpdate(Principal caller, ProjectId id) {
        return visible(caller, store().findByIdForUpdate(Objects.requireNonNull(id, "id")));
    }

    private static Project visible(Principal caller, Optional<Project> found) {
        return found.filter(project -> project.organizationId().equals(caller.organizationId()))
                .filter(project -> caller.covers(project.id()))
                .orElseThrow(() -> new NotFoundException("Project not found"));
    }

    private void requireNameFree(Principal caller, String name) {
        if (store().findByName(caller.organizationId(), name).isPresent()) {
            throw new ConflictException("A project named '" + name + "' already exists");
        }
    }

    private ProjectStore store() {
        return env.storage().projects();
    }
}
