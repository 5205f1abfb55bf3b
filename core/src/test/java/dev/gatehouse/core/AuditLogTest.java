package dev.gatehouse.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.gatehouse.ports.in.AuditLog;
import dev.gatehouse.ports.in.AuditQuery;
import dev.gatehouse.ports.in.NewProject;
import dev.gatehouse.ports.model.AuditAction;
import dev.gatehouse.ports.model.AuditEntry;
import dev.gatehouse.ports.model.AuditEntryId;
import dev.gatehouse.ports.model.AuditEntryView;
import dev.gatehouse.ports.model.ForbiddenException;
import dev.gatehouse.ports.model.InvalidInputException;
import dev.gatehouse.ports.model.NotFoundException;
import dev.gatehouse.ports.model.Principal;
import dev.gatehouse.ports.model.Project;
import dev.gatehouse.ports.model.Scope;
import dev.gatehouse.ports.model.Timestamps;
import dev.gatehouse.ports.model.WindowTooLongException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AuditLogTest {

    private final Installation installation = Installation.create();
    private final AuditLog auditLog = installation.gatehouse.auditLog();
    private final Principal operator = installation.operator;
    private final Instant start = installation.clock.instant().truncatedTo(ChronoUnit.MICROS);

    @AfterEach
    void close() {
        installation.close();
    }

    @Test
    void readingNeedsTheAuditLogScope() {
        Principal reader = installation.keyHolding(Set.of(Scope.PROJECT_READ), null);
        AuditEntry any = installation.auditEntries().get(0);

        assertThatThrownBy(() -> auditLog.list(reader, new AuditQuery(start, null, null)))
                .isInstanceOfSatisfying(ForbiddenException.class,
                        e -> assertThat(e.missingScope()).isEqualTo(Scope.ORGANIZATION_AUDITLOG));
        assertThatThrownBy(() -> auditLog.get(reader, any.id())).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> auditLog.listViews(reader, new AuditQuery(start, null, null)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> auditLog.getView(reader, any.id())).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void withoutAnEndTheWindowRunsUntilNowIncludingThisVeryMoment() {
        Project project = installation.project("checkout");

        assertThat(auditLog.list(operator, new AuditQuery(start, null, null)))
                .extracting(AuditEntry::recordId).contains(project.id().toString());
    }

    @Test
    void theWindowIsHalfOpenAndFiltersByAction() {
        installation.clock.advance(Duration.ofHours(1));
        Instant created = installation.clock.instant().truncatedTo(ChronoUnit.MICROS);
        Project project = installation.project("checkout");
        installation.clock.advance(Duration.ofHours(1));
        installation.gatehouse.projects().delete(operator, project.id());
        Instant deleted = installation.clock.instant().truncatedTo(ChronoUnit.MICROS);

        assertThat(auditLog.list(operator, new AuditQuery(created, deleted, null)))
                .extracting(AuditEntry::action).containsExactly(AuditAction.INSERT);
        assertThat(auditLog.list(operator, new AuditQuery(created, null, AuditAction.DELETE)))
                .extracting(AuditEntry::recordId).containsExactly(project.id().toString());
        assertThat(auditLog.list(operator, new AuditQuery(start, null, AuditAction.INSERT)))
                .extracting(AuditEntry::resourceType).containsExactlyInAnyOrder("organization", "api_key", "project");
    }

    @Test
    void aWindowOverNinetyDaysIsInvalid() {
        Instant end = start.plus(AuditQuery.MAX_WINDOW);

        assertThat(auditLog.list(operator, new AuditQuery(start, end, null))).isNotEmpty();
        assertThatThrownBy(() -> auditLog.list(operator, new AuditQuery(start.minusSeconds(1), end, null)))
                .isInstanceOfSatisfying(WindowTooLongException.class, e -> assertThat(e.field()).isEqualTo("end_time"));
        assertThatThrownBy(() -> auditLog.list(operator, new AuditQuery(start.minus(Duration.ofDays(91)), null, null)))
                .isInstanceOfSatisfying(WindowTooLongException.class, e -> assertThat(e.field()).isEqualTo("end_time"));
        assertThatThrownBy(() -> auditLog.listViews(operator, new AuditQuery(start.minusSeconds(1), end, null)))
                .isInstanceOfSatisfying(WindowTooLongException.class,
                        e -> assertThat(e.maximum()).isEqualTo(AuditQuery.MAX_WINDOW));
        assertThatThrownBy(() -> new AuditQuery(start, start.minusSeconds(1), null))
                .isInstanceOf(InvalidInputException.class)
                .isNotInstanceOf(WindowTooLongException.class);
    }

    @Test
    void viewsNameTheOrganizationTheProjectWhileItExistsAndTheActingKey() {
        Principal admin = installation.adminPrincipal();
        Project project = installation.gatehouse.projects().create(admin, NewProject.named("named"));
        AuditEntry created = installation.lastAuditEntryOf(project.id());

        AuditEntryView view = auditLog.getView(operator, created.id());

        assertThat(view.entry()).isEqualTo(created);
        assertThat(view.organizationName()).isEqualTo("acme");
        assertThat(view.projectName()).isEqualTo("named");
        assertThat(view.actorName()).isEqualTo(BootstrapService.ADMIN_KEY_NAME);

        installation.clock.advance(Duration.ofSeconds(1));
        installation.gatehouse.projects().delete(operator, project.id());
        AuditEntry deleted = installation.lastAuditEntryOf(project.id());

        assertThat(auditLog.getView(operator, created.id()).projectName()).isNull();
        assertThat(auditLog.listViews(operator, new AuditQuery(start, null, null)))
                .filteredOn(listed -> listed.entry().recordId().equals(project.id().toString()))
                .extracting(AuditEntryView::entry, AuditEntryView::projectName, AuditEntryView::actorName)
                .containsExactly(tuple(created, null, BootstrapService.ADMIN_KEY_NAME), tuple(deleted, null, null));
        assertThatThrownBy(() -> auditLog.getView(operator, AuditEntryId.random()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void anotherOrganizationsEntriesAreInvisible() {
        Principal other = Principal.operator(installation.otherOrganization());
        installation.gatehouse.projects().create(other, NewProject.named("elsewhere"));
        AuditEntry mine = installation.auditEntries().get(0);
        AuditEntry theirs = installation.auditEntries(other.organizationId()).get(0);

        assertThat(auditLog.get(operator, mine.id())).isEqualTo(mine);
        assertThatThrownBy(() -> auditLog.get(operator, theirs.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> auditLog.get(operator, AuditEntryId.random())).isInstanceOf(NotFoundException.class);
        assertThat(auditLog.list(other, new AuditQuery(start, null, null))).containsExactly(theirs);
    }

    @Test
    void aKeyBoundToOneProjectSeesThatProjectsEntriesOnly() {
        Project checkout = installation.project("checkout");
        Project billing = installation.project("billing");
        Principal bound = installation.keyHolding(Set.of(Scope.ORGANIZATION_AUDITLOG), checkout.id());
        AuditEntry ofCheckout = installation.lastAuditEntryOf(checkout.id());
        AuditEntry ofBilling = installation.lastAuditEntryOf(billing.id());
        AuditEntry ofOrganization = installation.auditEntries().stream()
                .filter(entry -> entry.projectId() == null).findFirst().orElseThrow();
        AuditQuery everything = new AuditQuery(start, null, null);

        assertThat(auditLog.list(bound, everything)).contains(ofCheckout)
                .allSatisfy(entry -> assertThat(entry.projectId()).isEqualTo(checkout.id()));
        assertThat(auditLog.listViews(bound, everything)).extracting(AuditEntryView::projectName).containsOnly("checkout");
        assertThat(auditLog.get(bound, ofCheckout.id())).isEqualTo(ofCheckout);
        assertThatThrownBy(() -> auditLog.get(bound, ofBilling.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> auditLog.getView(bound, ofOrganization.id())).isInstanceOf(NotFoundException.class);
        assertThat(auditLog.list(operator, everything)).contains(ofCheckout, ofBilling, ofOrganization);
    }

    @Test
    void aWindowOutsideTheYearsOneTo9999IsInvalid() {
        Instant beforeYearOne = Timestamps.EARLIEST.minusNanos(1000);
        Instant afterYear9999 = Timestamps.LATEST.plusNanos(1000);

        assertThatThrownBy(() -> new AuditQuery(beforeYearOne, Timestamps.EARLIEST, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("start_time"));
        assertThatThrownBy(() -> new AuditQuery(Timestamps.LATEST, afterYear9999, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("end_time"));
        assertThat(auditLog.list(operator, new AuditQuery(Timestamps.EARLIEST, Timestamps.EARLIEST.plusSeconds(1),
                null))).isEmpty();
        assertThat(auditLog.list(operator, new AuditQuery(Timestamps.LATEST.minusSeconds(1), Timestamps.LATEST,
                null))).isEmpty();
    }
}
