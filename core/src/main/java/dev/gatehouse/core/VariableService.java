package dev.gatehouse.core;

import dev.gatehouse.ports.in.NewVariable;
import dev.gatehouse.ports.in.VariableUpdate;
import dev.gatehouse.ports.in.Variables;
import dev.gatehouse.ports.model.AuditAction;
import dev.gatehouse.ports.model.ConflictException;
import dev.gatehouse.ports.model.CredentialId;
import dev.gatehouse.ports.model.LabelTarget;
import dev.gatehouse.ports.model.NotFoundException;
import dev.gatehouse.ports.model.Principal;
import dev.gatehouse.ports.model.Project;
import dev.gatehouse.ports.model.ProjectId;
import dev.gatehouse.ports.model.Scope;
import dev.gatehouse.ports.model.Variable;
import dev.gatehouse.ports.model.VariableId;
import dev.gatehouse.ports.model.VariableLabel;
import dev.gatehouse.ports.model.VariableVersion;
import dev.gatehouse.ports.model.VariableView;
import dev.gatehouse.ports.out.VariableStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** The {@link Variables} use cases: managed variables with versions, labels and rollout rules. Thread-safe. */
final class VariableService implements Variables {

    static final String RESOURCE = "variable";

    private final Env env;

    VariableService(Env env) {
        this.env = env;
    }

    @Override
    public List<VariableView> list(Principal caller, ProjectId project) {
        Access.require(caller, Scope.PROJECT_READ_VARIABLES);
        Project visible = ProjectBinding.visible(env, caller, project);
        ActorNames names = new ActorNames(env.storage().credentials());
        return store().listByProject(visible.id()).stream().map(variable -> view(variable, names)).toList();
    }

    @Override
    public VariableView get(Principal caller, ProjectId project, String name) {
        Objects.requireNonNull(name, "name");
        Access.require(caller, Scope.PROJECT_READ_VARIABLES);
        Project visible = ProjectBinding.visible(env, caller, project);
        return view(named(visible, name), new ActorNames(env.storage().credentials()));
    }

    @Override
    public VariableView create(Principal caller, ProjectId project, NewVariable command) {
        Objects.requireNonNull(command, "command");
        Access.require(caller, Scope.PROJECT_WRITE_VARIABLES);
        return env.storage().transactions().inTransaction(() -> {
            Project visible = ProjectBinding.visible(env, caller, project);
            requireNameFree(visible, command.name());
            Instant now = env.now();
            LabelPlan plan = LabelPlan.apply(command.labels(), List.of(), List.of(), caller.credentialId(), now);
            Variable variable = new Variable(VariableId.random(), visible.id(), command.name(), command.description(),
                    command.jsonSchema(), command.templateInputsSchema(), command.rollout(), command.overrides(),
                    command.aliases(), command.example(), command.external(), plan.labels(), plan.versions(), now,
                    caller.credentialId(), now, caller.credentialId());
            store().insert(variable);
            audit(visible, variable, AuditAction.INSERT, caller, now,
                    new AuditTrail.Fields().setAll(auditedState(variable)));
            return view(variable, new ActorNames(env.storage().credentials()));
        });
    }

    @Override
    public VariableView update(Principal caller, ProjectId project, String name,
            VariableUpdate update) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(update, "update");
        Access.require(caller, Scope.PROJECT_WRITE_VARIABLES);
        return env.storage().transactions().inTransaction(() -> {
            Project visible = ProjectBinding.visible(env, caller, project);
            Variable current = namedForUpdate(visible, name);
            Instant now = env.now();
            LabelPlan plan = update.labels().isSet()
                    ? LabelPlan.apply(update.labels().applyTo(null), current.labels(), current.versions(),
                            caller.credentialId(), now)
                    : new LabelPlan(current.labels(), current.versions());
            Variable changed = new Variable(current.id(), current.projectId(),
                    update.name().applyTo(current.name()),
                    update.description().applyTo(current.description()),
                    update.jsonSchema().applyTo(current.jsonSchema()),
                    update.templateInputsSchema().applyTo(current.templateInputsSchema()),
                    update.rollout().applyTo(current.rollout()),
                    update.overrides().applyTo(current.overrides()),
                    update.aliases().applyTo(current.aliases()),
                    update.example().applyTo(current.example()),
                    update.external().applyTo(current.external()),
                    plan.labels(), plan.versions(), current.createdAt(), current.createdBy(), now,
                    caller.credentialId());
            AuditTrail.Fields fields = new AuditTrail.Fields()
                    .change("name", current.name(), changed.name())
                    .change("description", current.description(), changed.description())
                    .change("json_schema", current.jsonSchema(), changed.jsonSchema())
                    .change("template_inputs_schema", current.templateInputsSchema(), changed.templateInputsSchema())
                    .change("rollout", VariableAuditJson.rollout(current.rollout()),
                            VariableAuditJson.rollout(changed.rollout()))
                    .change("overrides", VariableAuditJson.overrides(current.overrides()),
                            VariableAuditJson.overrides(changed.overrides()))
                    .change("aliases", current.aliases(), changed.aliases())
                    .change("example", current.example(), changed.example())
                    .change("external", current.external(), changed.external())
                    .change("labels", labelsText(current.labels()), labelsText(changed.labels()))
                    .change("latest_version", latestNumber(current), latestNumber(changed));
            if (fields.isEmpty()) {
                return view(current, new ActorNames(env.storage().credentials()));
            }
            if (!changed.name().equals(current.name())) {
                requireNameFree(visible, changed.name());
            }
            store().update(changed);
            audit(visible, changed, AuditAction.UPDATE, caller, now, fields);
            return view(changed, new ActorNames(env.storage().credentials()));
        });
    }

    private Variable named(Project project, String name) {
        return store().findByName(project.id(), name).orElseThrow(() -> new NotFoundException("Variable not found"));
    }

    /** As {@link #named}, and locked until the unit of work ends: for an update. */
    private Variable namedForUpdate(Project project, String name) {
        return store().findByNameForUpdate(project.id(), name)
                .orElseThrow(() -> new NotFoundException("Variable not found"));
    }

    private void requireNameFree(Project project, String name) {
        if (store().findByName(project.id(), name).isPresent()) {
            throw new ConflictException("A variable named '" + name + "' already exists in this project");
        }
    }

    private void audit(Project project, Variable variable, AuditAction action, Principal caller, Instant now,
            AuditTrail.Fields fields) {
        env.audit().record(project.organizationId(), project.id(), action, RESOURCE, variable.id(), caller, now,
                fields);
    }

    /**
     * What the audit log records of a variable: all of it on its INSERT, and on a DELETE, so that the entry could
     * restore it; fields without a value are left out.
     */
    static Map<String, Object> auditedState(Variable variable) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("name", variable.name());
        state.put("description", variable.description());
        state.put("json_schema", variable.jsonSchema());
        state.put("template_inputs_schema", variable.templateInputsSchema());
        state.put("rollout", VariableAuditJson.rollout(variable.rollout()));
        state.put("overrides", VariableAuditJson.overrides(variable.overrides()));
        state.put("aliases", variable.aliases());
        state.put("example", variable.example());
        state.put("external", variable.external());
        state.put("labels", labelsText(variable.labels()));
        state.put("latest_version", latestNumber(variable));
        return state;
    }

    /** The variable with the names of the API keys it mentions, each looked up at most once per {@code names}. */
    private static VariableView view(Variable variable, ActorNames names) {
        List<CredentialId> actors = new ArrayList<>();
        actors.add(variable.createdBy());
        actors.add(variable.updatedBy());
        variable.labels().forEach(label -> actors.add(label.updatedBy()));
        variable.versions().forEach(version -> actors.add(version.createdBy()));
        Map<CredentialId, String> known = new HashMap<>();
        for (CredentialId actor : actors) {
            String name = names.nameOf(actor);
            if (name != null) {
                known.put(actor, name);
            }
        }
        return new VariableView(variable, known);
    }

    /** Labels as the audit log shows them: {@code production=version 2,staging=label production}. */
    private static String labelsText(List<VariableLabel> labels) {
        return labels.isEmpty() ? null : labels.stream()
                .map(label -> label.name() + "=" + targetText(label.target()))
                .collect(Collectors.joining(","));
    }

    private static String targetText(LabelTarget target) {
        if (target instanceof LabelTarget.Version version) {
            return "version " + version.number();
        }
        if (target instanceof LabelTarget.Label label) {
            return "label " + label.name();
        }
        return target.targetType();
    }

    private static Integer latestNumber(Variable variable) {
        return variable.latestVersion().map(VariableVersion::number).orElse(null);
    }

    private VariableStore store() {
        return env.storage().variables();
    }
}
