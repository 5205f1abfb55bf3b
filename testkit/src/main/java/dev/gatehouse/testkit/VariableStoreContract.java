package dev.gatehouse.testkit;

import static dev.gatehouse.testkit.TestData.T0;
import static dev.gatehouse.testkit.TestData.T0_IN_MICROS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.gatehouse.ports.model.Condition;
import dev.gatehouse.ports.model.ConditionKind;
import dev.gatehouse.ports.model.ConflictException;
import dev.gatehouse.ports.model.CredentialId;
import dev.gatehouse.ports.model.LabelTarget;
import dev.gatehouse.ports.model.NotFoundException;
import dev.gatehouse.ports.model.Organization;
import dev.gatehouse.ports.model.Project;
import dev.gatehouse.ports.model.ProjectId;
import dev.gatehouse.ports.model.Rollout;
import dev.gatehouse.ports.model.RolloutOverride;
import dev.gatehouse.ports.model.Variable;
import dev.gatehouse.ports.model.VariableId;
import dev.gatehouse.ports.model.VariableLabel;
import dev.gatehouse.ports.model.VariableRules;
import dev.gatehouse.ports.model.VariableVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The contract of {@link dev.gatehouse.ports.out.VariableStore}: every part of a variable round-trips exactly (labels,
 * versions, rollout weights, overrides with each kind of condition), names are unique per project, stored versions
 * never change, and a project's variables go with it.
 */
public abstract class VariableStoreContract extends StorageContract {

    private static final Instant LATER = T0.plusSeconds(3600);

    @Test
    void aVariableWithEveryPartRoundTripsExactly() {
        Project project = givenProject(givenOrganization());
        Variable variable = rich(project.id(), "checkout_prompt");

        variables().insert(variable);

        Variable found = variables().findById(variable.id()).orElseThrow();
        assertThat(found).isEqualTo(variable);
        assertThat(found.createdAt()).isEqualTo(T0_IN_MICROS);
        assertThat(found.rollout().labels()).containsExactly(Map.entry("canary", 1.0 / 3), Map.entry("production",
                0.1));
        assertThat(found.overrides().get(0).conditions()).extracting(Condition::kind)
                .containsExactly(ConditionKind.values());
        assertThat(variables().findByName(project.id(), "checkout_prompt")).contains(variable);
        assertThat(variables().listByProject(project.id())).containsExactly(variable);
    }

    @Test
    void aBareVariableRoundTripsWithItsAbsentPartsAbsent() {
        Project project = givenProject(givenOrganization());
        Variable bare = TestData.variable(project.id());

        variables().insert(bare);

        Variable found = variables().findById(bare.id()).orElseThrow();
        assertThat(found).isEqualTo(bare);
        assertThat(found.aliases()).isNull();
        assertThat(found.description()).isNull();
        assertThat(found.jsonSchema()).isNull();
        assertThat(found.rollout().latestWeight()).isNull();
        assertThat(found.labels()).isEmpty();
        assertThat(found.versions()).isEmpty();
    }

    @Test
    void emptyAliasesStayDistinctFromAbsentOnes() {
        Project project = givenProject(givenOrganization());
        Variable bare = TestData.variable(project.id());
        Variable withEmptyAliases = new Variable(VariableId.random(), project.id(), "empty_aliases", "", "{}", "{}",
                new Rollout(Map.of(), 0.0), List.of(), List.of(), "", true, List.of(), List.of(), T0, null, T0, null);

        variables().insert(bare);
        variables().insert(withEmptyAliases);

        assertThat(variables().findById(bare.id()).orElseThrow().aliases()).isNull();
        assertThat(variables().findById(withEmptyAliases.id())).contains(withEmptyAliases);
    }

    @Test
    void unknownIdsAndNamesAreNotFound() {
        Organization organization = givenOrganization();
        Project project = givenProject(organization);
        Project other = givenProject(organization);
        Variable variable = given(TestData.variable(project.id()));

        assertThat(variables().findById(VariableId.random())).isEmpty();
        assertThat(variables().findByName(project.id(), "no_such_variable")).isEmpty();
        assertThat(variables().findByName(other.id(), variable.name())).isEmpty();
        assertThat(variables().listByProject(ProjectId.random())).isEmpty();
    }

    @Test
    void insertingIntoAnUnknownProjectIsNotFound() {
        Variable orphan = rich(ProjectId.random(), "orphan");

        assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> variables().insert(orphan));

        assertThat(variables().findById(orphan.id())).isEmpty();
    }

    @Test
    void insertingATakenIdConflictsAndKeepsTheOriginal() {
        Project project = givenProject(givenOrganization());
        Variable original = given(TestData.variable(project.id()));
        Variable sameId = rich(project.id(), "other_name", original.id());

        assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> variables().insert(sameId));

        assertThat(variables().findById(original.id())).contains(original);
        assertThat(variables().findByName(project.id(), "other_name")).isEmpty();
    }

    @Test
    void insertingATakenNameInTheSameProjectConflictsAndAnotherProjectMayUseIt() {
        Organization organization = givenOrganization();
        Project project = givenProject(organization);
        Project other = givenProject(organization);
        Variable original = given(TestData.variable(project.id(), "shared", T0));
        Variable sameName = rich(project.id(), "shared");

        assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> variables().insert(sameName));

        assertThat(variables().findById(sameName.id())).isEmpty();
        assertThat(variables().listByProject(project.id())).containsExactly(original);
        Variable elsewhere = given(rich(other.id(), "shared"));
        assertThat(variables().findByName(other.id(), "shared")).contains(elsewhere);
    }

    @Test
    void anUpdateReplacesEverythingButProjectAndCreationAndAddsNewVersions() {
        Organization organization = givenOrganization();
        Project project = givenProject(organization);
        Project other = givenProject(organization);
        Variable original = given(rich(project.id(), "original"));
        CredentialId editor = CredentialId.random();
        List<VariableVersion> versions = new ArrayList<>(original.versions());
        versions.add(new VariableVersion(3, "\"third\"", LATER, editor));
        Variable changed = new Variable(original.id(), other.id(), "renamed", "changed", null, "{\"b\":2}",
                new Rollout(Map.of("stable", 0.5), null),
                List.of(RolloutOverride.of(List.of(Condition.keyIsPresent("beta")), new Rollout(Map.of(), 1.0))),
                null, "\"example\"", false,
                List.of(new VariableLabel("stable", new LabelTarget.Version(3), LATER, editor)), versions, LATER,
                editor, LATER, editor);

        variables().update(changed);

        Variable expected = new Variable(original.id(), project.id(), "renamed", "changed", null, "{\"b\":2}",
                changed.rollout(), changed.overrides(), null, "\"example\"", false, changed.labels(), versions,
                original.createdAt(), original.createdBy(), LATER, editor);
        assertThat(variables().findById(original.id())).contains(expected);
        assertThat(variables().findByName(project.id(), "renamed")).contains(expected);
        assertThat(variables().findByName(project.id(), "original")).isEmpty();
        assertThat(variables().listByProject(other.id())).isEmpty();
    }

    @Test
    void storedVersionsAreKeptWhenAnUpdateCarriesFewer() {
        Project project = givenProject(givenOrganization());
        Variable original = given(rich(project.id(), "keeps_versions"));
        Variable withoutVersions = new Variable(original.id(), project.id(), original.name(), null, null, null,
                Rollout.none(), List.of(), null, null, false, List.of(), List.of(), T0, null, LATER, null);

        variables().update(withoutVersions);

        Variable found = variables().findById(original.id()).orElseThrow();
        assertThat(found.versions()).isEqualTo(original.versions());
        assertThat(found.labels()).isEmpty();
        assertThat(found.overrides()).isEmpty();
    }

    @Test
    void anUpdateCarryingAStoredVersionNumberWithOtherContentConflictsAndChangesNothing() {
        Project project = givenProject(givenOrganization());
        Variable original = given(rich(project.id(), "immutable_versions"));
        Variable rewritten = new Variable(original.id(), project.id(), "rewritten", null, null, null,
                Rollout.none(), List.of(), null, null, false, List.of(),
                List.of(new VariableVersion(1, "\"other value\"", T0, null)), T0, null, LATER, null);

        assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> variables().update(rewritten));

        assertThat(variables().findById(original.id())).contains(original);
    }

    @Test
    void renamingToATakenNameConflictsAndChangesNothing() {
        Project project = givenProject(givenOrganization());
        Variable taken = given(TestData.variable(project.id()));
        Variable original = given(rich(project.id(), "original"));
        Variable clash = new Variable(original.id(), project.id(), taken.name(), "changed", null, null,
                Rollout.none(), List.of(), null, null, false, List.of(), List.of(), T0, null, LATER, null);

        assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> variables().update(clash));

        assertThat(variables().findById(original.id())).contains(original);
        assertThat(variables().findByName(project.id(), taken.name())).contains(taken);
    }

    @Test
    void updatingAMissingVariableIsNotFound() {
        Project project = givenProject(givenOrganization());
        Variable missing = rich(project.id(), "missing");

        assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> variables().update(missing));

        assertThat(variables().findById(missing.id())).isEmpty();
    }

    @Test
    void listByProjectIsOldestFirstWithTiesBrokenById() {
        Project project = givenProject(givenOrganization());
        Variable oldest = TestData.variable(project.id(), "oldest", T0);
        List<Variable> tied = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            tied.add(rich(project.id(), "tied_" + i, VariableId.random(), T0.plusSeconds(1)));
        }
        Variable newest = TestData.variable(project.id(), "newest", T0.plusSeconds(2));
        variables().insert(newest);
        tied.forEach(variables()::insert);
        variables().insert(oldest);

        List<Variable> expected = new ArrayList<>();
        expected.add(oldest);
        expected.addAll(TestData.sortedByIdText(tied, variable -> variable.id().value()));
        expected.add(newest);
        assertThat(variables().listByProject(project.id())).containsExactlyElementsOf(expected);
    }

    @Test
    void deletingAProjectDeletesItsVariablesAndNoOthers() {
        Organization organization = givenOrganization();
        Project deleted = givenProject(organization);
        Project kept = givenProject(organization);
        Variable gone = given(rich(deleted.id(), "gone"));
        Variable stays = given(rich(kept.id(), "stays"));

        projects().delete(deleted.id());

        assertThat(variables().findById(gone.id())).isEmpty();
        assertThat(variables().findByName(deleted.id(), "gone")).isEmpty();
        assertThat(variables().listByProject(deleted.id())).isEmpty();
        assertThat(variables().findById(stays.id())).contains(stays);
    }

    @Test
    void writesOfAFailedUnitOfWorkAreUndone() {
        Project project = givenProject(givenOrganization());
        Variable original = given(rich(project.id(), "original"));
        Variable inserted = rich(project.id(), "inserted");
        Variable changed = new Variable(original.id(), project.id(), "changed", null, null, null, Rollout.none(),
                List.of(), null, null, false, List.of(), List.of(), T0, null, LATER, null);

        assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> transactions().run(() -> {
            variables().insert(inserted);
            variables().update(changed);
            throw new IllegalStateException("the unit of work fails");
        }));

        assertThat(variables().findById(inserted.id())).isEmpty();
        assertThat(variables().findById(original.id())).contains(original);
    }

    @Test
    @Timeout(60)
    void concurrentInsertsOfTheSameNameLetExactlyOneWin() throws InterruptedException {
        Project project = givenProject(givenOrganization());

        Concurrently.Outcomes outcomes = Concurrently.run(Concurrently.THREADS,
                i -> variables().insert(rich(project.id(), "contested")));

        assertThat(outcomes.succeeded()).isOne();
        assertThat(outcomes.failures()).hasSize(Concurrently.THREADS - 1)
                .allSatisfy(failure -> assertThat(failure).isInstanceOf(ConflictException.class));
        assertThat(variables().listByProject(project.id())).hasSize(1);
    }

    @Test
    void aDescriptionAndLabelsAtTheirLimitsRoundTripWhateverTheirCharacters() {
        Project project = givenProject(givenOrganization());
        Variable rich = rich(project.id(), "emoji");
        String label = "\uD83D\uDE80".repeat(VariableRules.LABEL_MAX_LENGTH);
        List<VariableLabel> labels = new ArrayList<>(rich.labels());
        labels.add(new VariableLabel(label, new LabelTarget.Label("production"), T0, null));
        Variable variable = given(new Variable(rich.id(), project.id(), rich.name(),
                "\uD83D\uDE00".repeat(VariableRules.DESCRIPTION_MAX_LENGTH), rich.jsonSchema(),
                rich.templateInputsSchema(), new Rollout(Map.of(label, 0.5), null), rich.overrides(), rich.aliases(),
                rich.example(), rich.external(), labels, rich.versions(), rich.createdAt(), rich.createdBy(),
                rich.updatedAt(), rich.updatedBy()));

        assertThat(variables().findById(variable.id())).contains(variable);
    }

    @Test
    void aLockingReadReadsAsFindById() {
        Project project = givenProject(givenOrganization());
        Variable variable = given(rich(project.id(), "locked"));

        assertThat(variables().findByIdForUpdate(variable.id())).contains(variable);
        assertThat(variables().findByIdForUpdate(VariableId.random())).isEmpty();
        assertThat(transactions().inTransaction(() -> variables().findByIdForUpdate(variable.id())))
                .contains(variable);
    }

    @Test
    @Timeout(60)
    void aLockingReadWaitsForTheUnitHoldingTheVariableAndThenSeesWhatItCommitted() throws Exception {
        Project project = givenProject(givenOrganization());
        Variable variable = given(rich(project.id(), "locked"));
        Variable updated = withVersionThreeInProduction(variable, variable.name());

        Optional<Variable> seen = LockingReads.secondReadAfterFirstCommits(transactions(),
                () -> variables().findByIdForUpdate(variable.id()), locked -> variables().update(updated));

        assertThat(seen).contains(updated);
    }

    @Test
    void aLockingReadByNameReadsAsFindByName() {
        Organization organization = givenOrganization();
        Project project = givenProject(organization);
        Project other = givenProject(organization);
        Variable variable = given(rich(project.id(), "locked"));

        assertThat(variables().findByNameForUpdate(project.id(), "locked")).contains(variable);
        assertThat(variables().findByNameForUpdate(project.id(), "no_such_variable")).isEmpty();
        assertThat(variables().findByNameForUpdate(other.id(), "locked")).isEmpty();
        assertThat(transactions().inTransaction(() -> variables().findByNameForUpdate(project.id(), "locked")))
                .contains(variable);
    }

    @Test
    @Timeout(60)
    void aLockingReadByNameWaitsForTheUnitHoldingTheVariableAndThenSeesWhatItCommitted() throws Exception {
        Project project = givenProject(givenOrganization());
        Variable variable = given(rich(project.id(), "locked"));
        Variable updated = withVersionThreeInProduction(variable, variable.name());

        Optional<Variable> seen = LockingReads.secondReadAfterFirstCommits(transactions(),
                () -> variables().findByNameForUpdate(project.id(), "locked"), locked -> variables().update(updated));

        assertThat(seen).contains(updated);
    }

    @Test
    @Timeout(60)
    void aLockingReadByNameFindsNothingOnceTheUnitItWaitedForRenamedTheVariable() throws Exception {
        Project project = givenProject(givenOrganization());
        Variable variable = given(rich(project.id(), "locked"));
        Variable renamed = withVersionThreeInProduction(variable, "renamed");

        Optional<Variable> seen = LockingReads.secondReadAfterFirstCommits(transactions(),
                () -> variables().findByNameForUpdate(project.id(), "locked"), locked -> variables().update(renamed));

        assertThat(seen).isEmpty();
        assertThat(variables().findByNameForUpdate(project.id(), "renamed")).contains(renamed);
    }

    private Variable given(Variable variable) {
        variables().insert(variable);
        return variable;
    }

    /** {@code variable} renamed {@code name}, described "changed", with a version 3 its production label names. */
    private static Variable withVersionThreeInProduction(Variable variable, String name) {
        CredentialId updater = CredentialId.random();
        List<VariableVersion> versions = new ArrayList<>(variable.versions());
        versions.add(new VariableVersion(3, "\"third\"", LATER, updater));
        List<VariableLabel> labels = variable.labels().stream()
                .map(label -> label.name().equals("production")
                        ? new VariableLabel("production", new LabelTarget.Version(3), LATER, updater)
                        : label)
                .toList();
        return new Variable(variable.id(), variable.projectId(), name, "changed", variable.jsonSchema(),
                variable.templateInputsSchema(), variable.rollout(), variable.overrides(), variable.aliases(),
                variable.example(), variable.external(), labels, versions, variable.createdAt(), variable.createdBy(),
                LATER, updater);
    }

    private static Variable rich(ProjectId project, String name) {
        return rich(project, name, VariableId.random());
    }

    private static Variable rich(ProjectId project, String name, VariableId id) {
        return rich(project, name, id, T0);
    }

    /** A variable with every part set: each kind of label and condition, two versions, weights that are not round. */
    private static Variable rich(ProjectId project, String name, VariableId id, Instant createdAt) {
        CredentialId author = CredentialId.random();
        List<VariableVersion> versions = List.of(
                new VariableVersion(1, "{\"greeting\":\"Grüß dich ✓\"}", createdAt, author),
                new VariableVersion(2, "\"second\"", createdAt.plusSeconds(1), null));
        List<VariableLabel> labels = List.of(
                new VariableLabel("production", new LabelTarget.Version(1), createdAt, author),
                new VariableLabel("canary", new LabelTarget.Latest(), createdAt, null),
                new VariableLabel("fallback", new LabelTarget.CodeDefault(), createdAt, author),
                new VariableLabel("staging", new LabelTarget.Label("production"), createdAt, author));
        List<Condition> everyKind = List.of(
                Condition.valueEquals("plan", "\"enterprise\""),
                new Condition(ConditionKind.VALUE_DOES_NOT_EQUAL, "region", "null", null, null),
                Condition.valueIsIn("tier", List.of("1", "\"two\"", "{\"three\":[3]}")),
                new Condition(ConditionKind.VALUE_IS_NOT_IN, "tier", null, List.of(), null),
                Condition.valueMatchesRegex("email", "^.+@example\\.com$"),
                new Condition(ConditionKind.VALUE_DOES_NOT_MATCH_REGEX, "email", null, null, "(?i)test"),
                Condition.keyIsPresent("beta"),
                new Condition(ConditionKind.KEY_IS_NOT_PRESENT, "legacy", null, null, null));
        List<RolloutOverride> overrides = List.of(
                new RolloutOverride("Enterprise", "Überall ✓", everyKind, new Rollout(Map.of("canary", 0.75), 0.25)),
                new RolloutOverride(null, null, List.of(), new Rollout(Map.of(), null)));
        return new Variable(id, project, name, "Beschreibung ✓", "{\"type\":\"object\"}", "{\"a\":1}",
                new Rollout(Map.of("production", 0.1, "canary", 1.0 / 3), 0.5), overrides,
                List.of("old_name", "older_name"), "{\"greeting\":\"hi\"}", true, labels, versions, createdAt, author,
                createdAt.plusSeconds(5), CredentialId.random());
    }
}
