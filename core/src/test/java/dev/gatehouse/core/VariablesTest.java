package dev.gatehouse.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.gatehouse.ports.in.LabelAssignment;
import dev.gatehouse.ports.in.NewVariable;
import dev.gatehouse.ports.in.VariableUpdate;
import dev.gatehouse.ports.in.Variables;
import dev.gatehouse.ports.model.AuditAction;
import dev.gatehouse.ports.model.AuditEntry;
import dev.gatehouse.ports.model.Change;
import dev.gatehouse.ports.model.Condition;
import dev.gatehouse.ports.model.ConflictException;
import dev.gatehouse.ports.model.FieldChange;
import dev.gatehouse.ports.model.ForbiddenException;
import dev.gatehouse.ports.model.InvalidInputException;
import dev.gatehouse.ports.model.LabelTarget;
import dev.gatehouse.ports.model.NotFoundException;
import dev.gatehouse.ports.model.Principal;
import dev.gatehouse.ports.model.Project;
import dev.gatehouse.ports.model.Rollout;
import dev.gatehouse.ports.model.RolloutOverride;
import dev.gatehouse.ports.model.Scope;
import dev.gatehouse.ports.model.Variable;
import dev.gatehouse.ports.model.VariableLabel;
import dev.gatehouse.ports.model.VariableVersion;
import dev.gatehouse.ports.model.VariableView;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VariablesTest {

    private final Installation installation = Installation.create();
    private final Variables variables = installation.gatehouse.variables();
    private final Project project = installation.project("shop");
    private final Principal admin = installation.adminPrincipal();

    @AfterEach
    void close() {
        installation.close();
    }

    @Test
    void createNumbersANewVersionPerDistinctValueInLabelOrderAndAuditsIt() {
        Map<String, LabelAssignment> labels = new LinkedHashMap<>();
        labels.put("production", new LabelAssignment.Value("\"hello\"", null));
        labels.put("canary", new LabelAssignment.Value("\"hi\"", 2));
        labels.put("staging", new LabelAssignment.Value("\"hello\"", 1));
        labels.put("preview", new LabelAssignment.Target(new LabelTarget.Label("canary")));
        labels.put("edge", new LabelAssignment.Target(new LabelTarget.Latest()));
        Rollout rollout = new Rollout(Map.of("production", 0.5, "canary", 0.25), 0.25);

        VariableView created = variables.create(admin, project.id(), command("greeting", rollout, labels));

        Variable variable = created.variable();
        Instant now = installation.clock.instant();
        assertThat(variable.versions()).containsExactly(
                new VariableVersion(1, "\"hello\"", now, admin.credentialId()),
                new VariableVersion(2, "\"hi\"", now, admin.credentialId()));
        assertThat(variable.labels()).extracting(VariableLabel::name, VariableLabel::target).containsExactly(
                tuple("canary", new LabelTarget.Version(2)),
                tuple("edge", new LabelTarget.Latest()),
                tuple("preview", new LabelTarget.Label("canary")),
                tuple("production", new LabelTarget.Version(1)),
                tuple("staging", new LabelTarget.Version(1)));
        assertThat(variable.resolve("preview").orElseThrow().serializedValue()).isEqualTo("\"hi\"");
        assertThat(variable.resolve("edge").orElseThrow().number()).isEqualTo(2);
        assertThat(variable.rollout()).isEqualTo(rollout);
        assertThat(created.nameOf(variable.createdBy())).isEqualTo("admin");
        assertThat(variables.get(admin, project.id(), "greeting")).isEqualTo(created);
        AuditEntry entry = installation.lastAuditEntryOf(variable.id());
        assertThat(entry.action()).isEqualTo(AuditAction.INSERT);
        assertThat(entry.resourceType()).isEqualTo("variable");
        assertThat(entry.changes()).extracting(FieldChange::field).containsExactly("name", "rollout", "external",
                "labels", "latest_version");
        assertThat(entry.changes()).contains(new FieldChange("latest_version", null, "2"),
                new FieldChange("labels", null,
                        "canary=version 2,edge=latest,preview=label canary,production=version 1,staging=version 1"));
    }

    @Test
    void aLabelWhoseGivenVersionDoesNotHoldItsValueIsRefusedAndNothingIsStored() {
        Map<String, LabelAssignment> labels = Map.of("production", new LabelAssignment.Value("\"hello\"", 3));

        assertThatThrownBy(() -> variables.create(admin, project.id(), command("greeting", Rollout.none(), labels)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Label 'production' gives version 3, but its value is held by version 1");

        assertThat(variables.list(admin, project.id())).isEmpty();
    }

    @Test
    void labelsMustResolveAndRolloutsMayOnlyWeighDefinedLabels() {
        assertThatThrownBy(() -> variables.create(admin, project.id(), command("a", Rollout.none(),
                Map.of("x", new LabelAssignment.Target(new LabelTarget.Label("missing"))))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("which does not exist");
        Map<String, LabelAssignment> cycle = new LinkedHashMap<>();
        cycle.put("x", new LabelAssignment.Target(new LabelTarget.Label("y")));
        cycle.put("y", new LabelAssignment.Target(new LabelTarget.Label("x")));
        assertThatThrownBy(() -> variables.create(admin, project.id(), command("a", Rollout.none(), cycle)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("cycle: x -> y -> x");
        assertThatThrownBy(() -> variables.create(admin, project.id(), command("a", Rollout.none(),
                Map.of("x", new LabelAssignment.Target(new LabelTarget.Version(1))))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("version 1, which does not exist");
        assertThatThrownBy(() -> variables.create(admin, project.id(),
                command("a", new Rollout(Map.of("ghost", 0.5), null), Map.of())))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("rollout");

        assertThat(variables.list(admin, project.id())).isEmpty();
    }

    @Test
    void anUpdateKeepsAbsentFieldsClearsNulledOnesAndAddsVersions() {
        VariableView created = variables.create(admin, project.id(), new NewVariable("greeting", "says hi",
                "{\"type\":\"string\"}", null, new Rollout(Map.of("production", 1.0), null), List.of(),
                List.of("salutation"), "\"hey\"", false,
                Map.of("production", new LabelAssignment.Value("\"hello\"", null))));
        VariableLabel productionBefore = created.variable().label("production").orElseThrow();
        installation.clock.advance(Duration.ofMinutes(1));
        Map<String, LabelAssignment> labels = new LinkedHashMap<>();
        labels.put("production", new LabelAssignment.Value("\"hello\"", 1));
        labels.put("canary", new LabelAssignment.Value("\"bonjour\"", null));
        RolloutOverride beta = RolloutOverride.of(List.of(Condition.keyIsPresent("beta")),
                new Rollout(Map.of("canary", 1.0), null));

        VariableView updated = variables.update(admin, project.id(), "greeting", new VariableUpdate(Change.keep(),
                Change.to(null), Change.keep(), Change.keep(), Change.keep(), Change.to(List.of(beta)),
                Change.to(null), Change.keep(), Change.to(true), Change.to(labels)));

        Variable variable = updated.variable();
        assertThat(variable.description()).isNull();
        assertThat(variable.aliases()).isNull();
        assertThat(variable.jsonSchema()).isEqualTo("{\"type\":\"string\"}");
        assertThat(variable.example()).isEqualTo("\"hey\"");
        assertThat(variable.external()).isTrue();
        assertThat(variable.overrides()).containsExactly(beta);
        assertThat(variable.versions()).extracting(VariableVersion::serializedValue)
                .containsExactly("\"hello\"", "\"bonjour\"");
        assertThat(variable.label("production")).contains(productionBefore);
        assertThat(variable.label("canary").orElseThrow().updatedAt()).isEqualTo(installation.clock.instant().truncatedTo(ChronoUnit.MICROS));
        assertThat(variable.updatedAt()).isEqualTo(installation.clock.instant().truncatedTo(ChronoUnit.MICROS));
        assertThat(variable.createdAt()).isEqualTo(created.variable().createdAt());
        assertThat(variables.get(admin, project.id(), "greeting")).isEqualTo(updated);
        AuditEntry entry = installation.lastAuditEntryOf(variable.id());
        assertThat(entry.action()).isEqualTo(AuditAction.UPDATE);
        assertThat(entry.changes()).extracting(FieldChange::field).containsExactly("description", "overrides",
                "aliases", "external", "labels", "latest_version");
    }

    @Test
    void anUpdateThatChangesNothingWritesNothing() {
        VariableView created = variables.create(admin, project.id(), command("greeting", Rollout.none(),
                Map.of("production", new LabelAssignment.Value("1", null))));
        int entries = installation.auditEntries().size();
        installation.clock.advance(Duration.ofMinutes(1));

        VariableView same = variables.update(admin, project.id(), "greeting", new VariableUpdate(
                Change.to("greeting"), Change.keep(), Change.keep(), Change.keep(), Change.to(Rollout.none()),
                Change.keep(), Change.keep(), Change.keep(), Change.to(false),
                Change.to(Map.of("production", new LabelAssignment.Value("1", null)))));

        assertThat(same).isEqualTo(created);
        assertThat(installation.auditEntries()).hasSize(entries);
    }

    @Test
    void namesAreUniquePerProjectOnCreateAndRename() {
        variables.create(admin, project.id(), NewVariable.named("first"));
        VariableView second = variables.create(admin, project.id(), NewVariable.named("second"));
        Project other = installation.project("other");

        assertThatThrownBy(() -> variables.create(admin, project.id(), NewVariable.named("first")))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> variables.update(admin, project.id(), "second", new VariableUpdate(
                Change.to("first"), Change.keep(), Change.keep(), Change.keep(), Change.keep(), Change.keep(),
                Change.keep(), Change.keep(), Change.keep(), Change.keep()))).isInstanceOf(ConflictException.class);

        assertThat(variables.get(admin, project.id(), "second")).isEqualTo(second);
        assertThat(variables.create(admin, other.id(), NewVariable.named("first")).variable().name())
                .isEqualTo("first");
    }

    @Test
    void aRenamedVariableIsFoundByItsNewNameOnly() {
        variables.create(admin, project.id(), NewVariable.named("old_name"));

        variables.update(admin, project.id(), "old_name", new VariableUpdate(Change.to("new_name"), Change.keep(),
                Change.keep(), Change.keep(), Change.keep(), Change.keep(), Change.keep(), Change.keep(),
                Change.keep(), Change.keep()));

        assertThat(variables.get(admin, project.id(), "new_name").variable().name()).isEqualTo("new_name");
        assertThatThrownBy(() -> variables.get(admin, project.id(), "old_name"))
                .isInstanceOf(NotFoundException.class).hasMessage("Variable not found");
    }

    @Test
    void readingNeedsTheReadScopeAndChangingTheWriteScope() {
        variables.create(admin, project.id(), NewVariable.named("greeting"));
        Principal reader = installation.keyHolding(Set.of(Scope.PROJECT_READ_VARIABLES), null);
        Principal writer = installation.keyHolding(Set.of(Scope.PROJECT_WRITE_VARIABLES), null);

        assertThat(variables.list(reader, project.id())).hasSize(1);
        assertThatThrownBy(() -> variables.create(reader, project.id(), NewVariable.named("x")))
                .isInstanceOf(ForbiddenException.class).hasMessage("Missing required scope: project:write_variables");
        assertThatThrownBy(() -> variables.update(reader, project.id(), "greeting", VariableUpdate.none()))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> variables.get(writer, project.id(), "greeting"))
                .isInstanceOf(ForbiddenException.class).hasMessage("Missing required scope: project:read_variables");
        assertThatThrownBy(() -> variables.list(writer, project.id())).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void anotherProjectsOrOrganizationsVariablesDoNotExistForTheCaller() {
        variables.create(admin, project.id(), NewVariable.named("greeting"));
        Project other = installation.project("other");
        Principal boundToOther = installation.keyHolding(
                Set.of(Scope.PROJECT_READ_VARIABLES, Scope.PROJECT_WRITE_VARIABLES), other.id());
        Principal foreign = Principal.operator(installation.otherOrganization());

        assertThatThrownBy(() -> variables.get(boundToOther, project.id(), "greeting"))
                .isInstanceOf(NotFoundException.class).hasMessage("Project not found");
        assertThatThrownBy(() -> variables.get(boundToOther, other.id(), "greeting"))
                .isInstanceOf(NotFoundException.class).hasMessage("Variable not found");
        assertThatThrownBy(() -> variables.update(boundToOther, project.id(), "greeting", VariableUpdate.none()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> variables.list(foreign, project.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void deletingTheProjectDeletesItsVariables() {
        Variable variable = variables.create(admin, project.id(), NewVariable.named("greeting")).variable();

        installation.gatehouse.projects().delete(admin, project.id());

        assertThat(installation.storage.variables().findById(variable.id())).isEmpty();
    }

    private static NewVariable command(String name, Rollout rollout, Map<String, LabelAssignment> labels) {
        return new NewVariable(name, null, null, null, rollout, List.of(), null, null, false, labels);
    }
}
