package dev.gatehouse.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.ports.in.NewProject;
import dev.gatehouse.ports.in.ProjectUpdate;
import dev.gatehouse.ports.in.Projects;
import dev.gatehouse.ports.model.AuditAction;
import dev.gatehouse.ports.model.AuditEntry;
import dev.gatehouse.ports.model.Change;
import dev.gatehouse.ports.model.ConflictException;
import dev.gatehouse.ports.model.CredentialKind;
import dev.gatehouse.ports.model.Environment;
import dev.gatehouse.ports.model.FieldChange;
import dev.gatehouse.ports.model.ForbiddenException;
import dev.gatehouse.ports.model.NotFoundException;
import dev.gatehouse.ports.model.Principal;
import dev.gatehouse.ports.model.Project;
import dev.gatehouse.ports.model.ProjectId;
import dev.gatehouse.ports.model.Scope;
import dev.gatehouse.ports.model.Visibility;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProjectsTest {

    private final Installation installation = Installation.create();
    private final Projects projects = installation.gatehouse.projects();
    private final Principal operator = installation.operator;

    @AfterEach
    void close() {
        installation.close();
    }

    @Test
    void createStoresTheProjectWithDefaultsAndAuditsIt() {
        Principal admin = installation.adminPrincipal();

        Project project = projects.create(admin, new NewProject("checkout", "the shop", null, null));

        assertThat(project.name()).isEqualTo("checkout");
        assertThat(project.description()).isEqualTo("the shop");
        assertThat(project.visibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(project.environment()).isEqualTo(Environment.PRODUCTION);
        assertThat(project.organizationId()).isEqualTo(installation.organization);
        assertThat(project.createdAt()).isEqualTo(installation.clock.instant().truncatedTo(ChronoUnit.MICROS));
        assertThat(project.updatedAt()).isEqualTo(project.createdAt());
        assertThat(projects.get(admin, project.id())).isEqualTo(project);
        AuditEntry entry = lastAuditEntry(project);
        assertThat(entry.action()).isEqualTo(AuditAction.INSERT);
        assertThat(entry.resourceType()).isEqualTo("project");
        assertThat(entry.recordId()).isEqualTo(project.id().toString());
        assertThat(entry.projectId()).isEqualTo(project.id());
        assertThat(entry.actorId()).isEqualTo(admin.credentialId());
        assertThat(entry.createdAt()).isEqualTo(project.createdAt());
        assertThat(entry.changes()).containsExactly(
                new FieldChange("project_name", null, "checkout"),
                new FieldChange("description", null, "the shop"),
                new FieldChange("visibility", null, "public"),
                new FieldChange("environment", null, "production"));
    }

    @Test
    void anOperatorActsWithoutAnActorInTheAuditLog() {
        Project project = installation.project("checkout");

        assertThat(lastAuditEntry(project).actorId()).isNull();
    }

    @Test
    void createNeedsTheCreateProjectScopeAndAnUnboundCaller() {
        Project existing = installation.project("existing");
        Principal reader = installation.keyHolding(Set.of(Scope.PROJECT_READ, Scope.PROJECT_WRITE), null);
        Principal bound = installation.keyHolding(Set.of(Scope.ORGANIZATION_CREATE_PROJECT), existing.id());
        int entries = installation.auditEntries().size();

        assertThatThrownBy(() -> projects.create(reader, NewProject.named("checkout")))
                .isInstanceOfSatisfying(ForbiddenException.class,
                        e -> assertThat(e.missingScope()).isEqualTo(Scope.ORGANIZATION_CREATE_PROJECT));
        assertThatThrownBy(() -> projects.create(bound, NewProject.named("checkout")))
                .isInstanceOf(ForbiddenException.class);
        assertThat(projects.list(operator)).containsExactly(existing);
        assertThat(installation.auditEntries()).hasSize(entries);
    }

    @Test
    void aDuplicateNameIsAConflictThatLeavesNoProjectAndNoAuditEntry() {
        Project first = installation.project("checkout");
        int entries = installation.auditEntries().size();

        assertThatThrownBy(() -> installation.project("checkout")).isInstanceOf(ConflictException.class);

        assertThat(projects.list(operator)).containsExactly(first);
        assertThat(installation.auditEntries()).hasSize(entries);
    }

    @Test
    void theSameNameMayBeUsedInAnotherOrganization() {
        installation.project("checkout");
        Principal other = Principal.operator(installation.otherOrganization());

        Project project = projects.create(other, NewProject.named("checkout"));

        assertThat(projects.list(other)).containsExactly(project);
        assertThat(projects.list(operator)).extracting(Project::name).containsExactly("checkout");
        assertThat(projects.list(operator)).doesNotContain(project);
    }

    @Test
    void listingShowsOnlyWhatTheCallerCanSeeOldestFirst() {
        Project a = installation.project("a-project");
        installation.clock.advance(Duration.ofSeconds(1));
        Project b = installation.project("b-project");
        projects.create(Principal.operator(installation.otherOrganization()), NewProject.named("elsewhere"));
        Principal boundToB = installation.keyHolding(Set.of(Scope.PROJECT_READ), b.id());

        assertThat(projects.list(operator)).containsExactly(a, b);
        assertThat(projects.list(boundToB)).containsExactly(b);
        assertThatThrownBy(() -> projects.list(installation.keyHolding(Set.of(Scope.PROJECT_WRITE), null)))
                .isInstanceOfSatisfying(ForbiddenException.class,
                        e -> assertThat(e.missingScope()).isEqualTo(Scope.PROJECT_READ));
    }

    @Test
    void aMissingScopeIsForbiddenButAnInvisibleProjectIsNotFound() {
        Project mine = installation.project("mine");
        Project sibling = installation.project("sibling");
        Project foreign = projects.create(Principal.operator(installation.otherOrganization()), NewProject.named("foreign"));
        Principal noScope = installation.keyHolding(Set.of(Scope.ORGANIZATION_READ), null);
        Principal bound = installation.keyHolding(Set.of(Scope.PROJECT_READ, Scope.PROJECT_WRITE), mine.id());

        assertThatThrownBy(() -> projects.get(noScope, mine.id())).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> projects.get(noScope, ProjectId.random())).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> projects.update(noScope, mine.id(), rename("renamed")))
                .isInstanceOfSatisfying(ForbiddenException.class,
                        e -> assertThat(e.missingScope()).isEqualTo(Scope.PROJECT_WRITE));
        assertThatThrownBy(() -> projects.delete(noScope, mine.id()))
                .isInstanceOfSatisfying(ForbiddenException.class,
                        e -> assertThat(e.missingScope()).isEqualTo(Scope.PROJECT_WRITE));

        for (ProjectId invisible : List.of(foreign.id(), sibling.id(), ProjectId.random())) {
            assertThatThrownBy(() -> projects.get(bound, invisible)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> projects.update(bound, invisible, rename("renamed")))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> projects.delete(bound, invisible)).isInstanceOf(NotFoundException.class);
        }
        assertThatThrownBy(() -> projects.get(operator, foreign.id())).isInstanceOf(NotFoundException.class);
        assertThat(projects.get(bound, mine.id())).isEqualTo(mine);
        assertThat(projects.get(operator, sibling.id())).isEqualTo(sibling);
    }

    @Test
    void updateKeepsSetsAndClearsFieldsAndAuditsOnlyWhatChanged() {
        Project project = projects.create(operator, new NewProject("checkout", "the shop", Visibility.PRIVATE, null));
        installation.clock.advance(Duration.ofMinutes(1));

        Project kept = projects.update(operator, project.id(), new ProjectUpdate(
                Change.keep(), Change.keep(), Change.to(Visibility.PUBLIC), Change.keep()));
        assertThat(kept.description()).isEqualTo("the shop");
        assertThat(kept.visibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(kept.name()).isEqualTo("checkout");
        assertThat(kept.updatedAt()).isEqualTo(installation.clock.instant().truncatedTo(ChronoUnit.MICROS));
        assertThat(kept.createdAt()).isEqualTo(project.createdAt());
        assertThat(lastAuditEntry(project).changes()).containsExactly(new FieldChange("visibility", "private", "public"));
        installation.clock.advance(Duration.ofMinutes(1));

        Project set = projects.update(operator, project.id(), new ProjectUpdate(
                Change.to("shop"), Change.to("the new shop"), Change.keep(), Change.to(Environment.STAGING)));
        assertThat(set.name()).isEqualTo("shop");
        assertThat(set.description()).isEqualTo("the new shop");
        assertThat(set.environment()).isEqualTo(Environment.STAGING);
        assertThat(lastAuditEntry(project).action()).isEqualTo(AuditAction.UPDATE);
        assertThat(lastAuditEntry(project).changes()).containsExactly(
                new FieldChange("project_name", "checkout", "shop"),
                new FieldChange("description", "the shop", "the new shop"),
                new FieldChange("environment", "production", "staging"));
        installation.clock.advance(Duration.ofMinutes(1));

        Project cleared = projects.update(operator, project.id(), new ProjectUpdate(
                Change.keep(), Change.to(null), Change.keep(), Change.keep()));
        assertThat(cleared.description()).isNull();
        assertThat(lastAuditEntry(project).changes()).containsExactly(new FieldChange("description", "the new shop", null));
        assertThat(projects.get(operator, project.id())).isEqualTo(cleared);
    }

    @Test
    void anUpdateThatChangesNothingWritesNothing() {
        Project project = installation.project("checkout");
        int entries = installation.auditEntries().size();
        installation.clock.advance(Duration.ofMinutes(1));

        Project same = projects.update(operator, project.id(), ProjectUpdate.none());
        Project renamedToItself = projects.update(operator, project.id(), rename("checkout"));

        assertThat(same).isEqualTo(project);
        assertThat(renamedToItself).isEqualTo(project);
        assertThat(installation.auditEntries()).hasSize(entries);
    }

    @Test
    void renamingToATakenNameIsAConflictThatChangesNothing() {
        Project checkout = installation.project("checkout");
        installation.project("billing");
        int entries = installation.auditEntries().size();

        assertThatThrownBy(() -> projects.update(operator, checkout.id(), rename("billing")))
                .isInstanceOf(ConflictException.class);

        assertThat(projects.get(operator, checkout.id())).isEqualTo(checkout);
        assertThat(installation.auditEntries()).hasSize(entries);
    }

    @Test
    void deleteRemovesTheProjectWithItsCredentialsAndAuditsIt() {
        Project project = installation.project("checkout");
        Project other = installation.project("other");
        installation.token(project.id(), CredentialKind.WRITE_TOKEN);
        installation.token(project.id(), CredentialKind.READ_TOKEN);
        installation.apiKey(operator, Set.of(Scope.PROJECT_READ), project.id());
        installation.token(other.id(), CredentialKind.WRITE_TOKEN);

        installation.clock.advance(Duration.ofMinutes(1));

        projects.delete(operator, project.id());

        assertThat(projects.list(operator)).containsExactly(other);
        for (CredentialKind kind : CredentialKind.values()) {
            assertThat(installation.storage.credentials().listByProject(project.id(), kind)).isEmpty();
        }
        assertThat(installation.storage.credentials().listByProject(other.id(), CredentialKind.WRITE_TOKEN)).hasSize(1);
        assertThat(installation.storage.credentials().listByOrganization(installation.organization,
                CredentialKind.API_KEY)).hasSize(1);
        AuditEntry entry = lastAuditEntry(project);
        assertThat(entry.action()).isEqualTo(AuditAction.DELETE);
        assertThat(entry.resourceType()).isEqualTo("project");
        assertThat(entry.recordId()).isEqualTo(project.id().toString());
        assertThat(entry.changes()).contains(new FieldChange("project_name", "checkout", null));
        assertThatThrownBy(() -> projects.delete(operator, project.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void theCallersOwnProjectNeedsNoScope() {
        Project project = installation.project("checkout");
        Principal token = installation.principal(installation.token(project.id(), CredentialKind.WRITE_TOKEN).token());

        assertThat(projects.ofCaller(token)).contains(project);
        assertThat(projects.ofCaller(operator)).isEmpty();
        assertThatThrownBy(() -> projects.get(token, project.id())).isInstanceOf(ForbiddenException.class);
    }

    private static ProjectUpdate rename(String name) {
        return new ProjectUpdate(Change.to(name), Change.keep(), Change.keep(), Change.keep());
    }

    private AuditEntry lastAuditEntry(Project project) {
        return installation.lastAuditEntryOf(project.id());
    }
}
