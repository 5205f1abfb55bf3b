package dev.gatehouse.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.gatehouse.ports.in.AlertUpdate;
import dev.gatehouse.ports.in.Alerts;
import dev.gatehouse.ports.in.NewAlert;
import dev.gatehouse.ports.in.NewChannel;
import dev.gatehouse.ports.in.NewProject;
import dev.gatehouse.ports.model.Alert;
import dev.gatehouse.ports.model.AlertChannelView;
import dev.gatehouse.ports.model.AlertId;
import dev.gatehouse.ports.model.AlertRun;
import dev.gatehouse.ports.model.AlertView;
import dev.gatehouse.ports.model.AuditAction;
import dev.gatehouse.ports.model.AuditEntry;
import dev.gatehouse.ports.model.Change;
import dev.gatehouse.ports.model.ChannelAssignment;
import dev.gatehouse.ports.model.ChannelConfig;
import dev.gatehouse.ports.model.ChannelId;
import dev.gatehouse.ports.model.ConflictException;
import dev.gatehouse.ports.model.FieldChange;
import dev.gatehouse.ports.model.ForbiddenException;
import dev.gatehouse.ports.model.InvalidInputException;
import dev.gatehouse.ports.model.NotFoundException;
import dev.gatehouse.ports.model.NotifyWhen;
import dev.gatehouse.ports.model.Principal;
import dev.gatehouse.ports.model.Project;
import dev.gatehouse.ports.model.ProjectId;
import dev.gatehouse.ports.model.Scope;
import dev.gatehouse.ports.model.WebhookFormat;
import dev.gatehouse.ports.out.QueryChecker;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AlertsTest {

    /** Stands in for the SQL parser adapter, which the core does not see: a SELECT passes, anything else fails. */
    private static final QueryChecker SELECTS_ONLY = sql -> {
        if (!sql.strip().toUpperCase(Locale.ROOT).startsWith("SELECT")) {
            throw new InvalidInputException("query", "sql_not_select", "Expected a SELECT query");
        }
    };
    private static final String HOOK = "https://hooks.example.com/services/T0/B0/secret-part";
    private static final String HOOK_MASKED = "https://hooks.example.com/**********";

    private final Installation installation = Installation.create(builder -> builder.queryChecker(SELECTS_ONLY));
    private final Alerts alerts = installation.gatehouse.alerts();
    private final Principal operator = installation.operator;
    private final Project project = installation.project("checkout");

    @AfterEach
    void close() {
        installation.close();
    }

    @Test
    void createStoresTheAlertWithItsChannelsMaskedAndAuditsIt() {
        ChannelId pager = channel("pager");
        ChannelId slack = channel("slack");
        UUID schedule = UUID.randomUUID();
        Principal writer = installation.keyHolding(Set.of(Scope.PROJECT_WRITE_ALERT, Scope.PROJECT_READ_ALERT), null);

        AlertView view = alerts.create(writer, project.id(), new NewAlert("errors", "too many errors",
                "SELECT count(*) FROM records", Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofSeconds(30),
                NotifyWhen.STARTS_HAVING_MATCHES, true, null,
                List.of(new ChannelAssignment(slack, schedule), ChannelAssignment.of(pager))));

        Alert alert = view.alert();
        assertThat(alert.name()).isEqualTo("errors");
        assertThat(alert.description()).isEqualTo("too many errors");
        assertThat(alert.query()).isEqualTo("SELECT count(*) FROM records");
        assertThat(alert.timeWindow()).isEqualTo(Duration.ofMinutes(5));
        assertThat(alert.frequency()).isEqualTo(Duration.ofMinutes(1));
        assertThat(alert.watermark()).isEqualTo(Duration.ofSeconds(30));
        assertThat(alert.notifyWhen()).isEqualTo(NotifyWhen.STARTS_HAVING_MATCHES);
        assertThat(alert.active()).isTrue();
        assertThat(alert.organizationId()).isEqualTo(installation.organization);
        assertThat(alert.projectId()).isEqualTo(project.id());
        assertThat(alert.createdAt()).isEqualTo(installation.clock.instant().truncatedTo(ChronoUnit.MICROS));
        assertThat(alert.createdBy()).isEqualTo(writer.credentialId());
        assertThat(alert.updatedAt()).isNull();
        assertThat(alert.lastRun()).isNull();
        assertThat(view.createdByName()).isEqualTo("key");
        assertThat(view.updatedByName()).isNull();
        assertThat(view.channels()).extracting(shown -> shown.channel().channel().id(), AlertChannelView::scheduleId)
                .containsExactly(tuple(slack, schedule),
                        tuple(pager, null));
        assertThat(view.channels()).allSatisfy(shown -> assertThat(
                ((ChannelConfig.Webhook) shown.channel().channel().config()).url()).isEqualTo(HOOK_MASKED));
        assertThat(alerts.get(writer, project.id(), alert.id())).isEqualTo(view);

        AuditEntry entry = installation.lastAuditEntryOf(alert.id());
        assertThat(entry.action()).isEqualTo(AuditAction.INSERT);
        assertThat(entry.resourceType()).isEqualTo("alert");
        assertThat(entry.projectId()).isEqualTo(project.id());
        assertThat(entry.actorId()).isEqualTo(writer.credentialId());
        assertThat(entry.changes()).containsExactly(
                new FieldChange("name", null, "errors"),
                new FieldChange("description", null, "too many errors"),
                new FieldChange("query", null, "SELECT count(*) FROM records"),
                new FieldChange("time_window", null, "PT5M"),
                new FieldChange("frequency", null, "PT1M"),
                new FieldChange("watermark", null, "PT30S"),
                new FieldChange("notify_when", null, "starts_having_matches"),
                new FieldChange("active", null, "true"),
                new FieldChange("channels", null, slack + " schedule " + schedule + "," + pager));
    }

    @Test
    void listingShowsTheProjectsAlertsOldestFirstWithTheirLastRuns() {
        Project other = installation.project("other");
        AlertView first = alerts.create(operator, project.id(), command("first"));
        installation.clock.advance(Duration.ofSeconds(1));
        AlertView second = alerts.create(operator, project.id(), command("second"));
        alerts.create(operator, other.id(), command("elsewhere"));
        AlertRun run = new AlertRun(Instant.parse("2030-01-01T00:00:00Z"), true, false, "[{\"count\": 3}]", 1);
        installation.storage.transactions().run(() -> installation.storage.alerts().update(new Alert(
                second.alert().id(), second.alert().organizationId(), second.alert().projectId(), "second", null,
                "SELECT 1", Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ZERO, NotifyWhen.HAS_MATCHES, true,
                List.of(), second.alert().createdAt(), null, null, null, run)));

        List<AlertView> listed = alerts.list(operator, project.id());

        assertThat(listed).extracting(view -> view.alert().name()).containsExactly("first", "second");
        assertThat(listed.get(0)).isEqualTo(first);
        assertThat(listed.get(1).alert().lastRun()).isEqualTo(run);
    }

    @Test
    void readingNeedsTheReadScopeAndChangingTheWriteScope() {
        AlertView alert = alerts.create(operator, project.id(), command("errors"));
        Principal reader = installation.keyHolding(Set.of(Scope.PROJECT_READ_ALERT), null);
        Principal writer = installation.keyHolding(Set.of(Scope.PROJECT_WRITE_ALERT), null);
        AlertId id = alert.alert().id();
        int entries = installation.auditEntries().size();

        assertForbidden(() -> alerts.list(writer, project.id()), Scope.PROJECT_READ_ALERT);
        assertForbidden(() -> alerts.get(writer, project.id(), id), Scope.PROJECT_READ_ALERT);
        assertForbidden(() -> alerts.create(reader, project.id(), command("more")), Scope.PROJECT_WRITE_ALERT);
        assertForbidden(() -> alerts.update(reader, project.id(), id, rename("renamed")), Scope.PROJECT_WRITE_ALERT);
        assertForbidden(() -> alerts.delete(reader, project.id(), id), Scope.PROJECT_WRITE_ALERT);

        assertThat(alerts.list(reader, project.id())).containsExactly(alert);
        assertThat(installation.auditEntries()).hasSize(entries);
    }

    @Test
    void anInvisibleProjectOrAnotherProjectsAlertIsNotFound() {
        Project sibling = installation.project("sibling");
        AlertView mine = alerts.create(operator, project.id(), command("errors"));
        AlertView theirs = alerts.create(operator, sibling.id(), command("errors"));
        Principal otherOrganization = Principal.operator(installation.otherOrganization());
        Project foreign = installation.gatehouse.projects().create(otherOrganization, NewProject.named("foreign"));
        Principal bound = installation.keyHolding(Set.of(Scope.PROJECT_READ_ALERT, Scope.PROJECT_WRITE_ALERT),
                project.id());

        for (ProjectId invisible : List.of(sibling.id(), foreign.id(), ProjectId.random())) {
            assertThatThrownBy(() -> alerts.list(bound, invisible)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> alerts.create(bound, invisible, command("new")))
                    .isInstanceOf(NotFoundException.class);
        }
        assertThatThrownBy(() -> alerts.list(otherOrganization, project.id())).isInstanceOf(NotFoundException.class);
        AlertId elsewhere = theirs.alert().id();
        assertThatThrownBy(() -> alerts.get(operator, project.id(), elsewhere)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> alerts.update(operator, project.id(), elsewhere, rename("moved")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> alerts.delete(operator, project.id(), elsewhere))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> alerts.get(bound, project.id(), AlertId.random()))
                .isInstanceOf(NotFoundException.class);

        assertThat(alerts.list(bound, project.id())).containsExactly(mine);
        assertThat(alerts.list(operator, sibling.id())).containsExactly(theirs);
    }

    @Test
    void aNameIsUniqueWithinItsProjectOnly() {
        AlertView first = alerts.create(operator, project.id(), command("errors"));
        Project other = installation.project("other");
        int entries = installation.auditEntries().size();

        assertThatThrownBy(() -> alerts.create(operator, project.id(), command("errors")))
                .isInstanceOf(ConflictException.class);
        AlertView second = alerts.create(operator, project.id(), command("latency"));
        assertThatThrownBy(() -> alerts.update(operator, project.id(), second.alert().id(), rename("errors")))
                .isInstanceOf(ConflictException.class);
        alerts.create(operator, other.id(), command("errors"));

        assertThat(alerts.list(operator, project.id())).containsExactlyInAnyOrder(first, second);
        assertThat(installation.auditEntries()).hasSize(entries + 2);
    }

    @Test
    void aChannelOfAnotherOrganizationIsRefusedOnTheFieldItCameFrom() {
        ChannelId ours = channel("ours");
        Principal other = Principal.operator(installation.otherOrganization());
        ChannelId foreign = installation.gatehouse.channels().create(other,
                new NewChannel("foreign", new ChannelConfig.Webhook(WebhookFormat.AUTO, HOOK))).channel().id();
        AlertView alert = alerts.create(operator, project.id(), command("errors"));
        int entries = installation.auditEntries().size();

        assertInvalid(() -> alerts.create(operator, project.id(), withChannels("new", List.of(ours, foreign), null)),
                "channel_ids");
        assertInvalid(() -> alerts.create(operator, project.id(), withChannels("new", null,
                List.of(ChannelAssignment.of(ChannelId.random())))), "channel_assignments");
        assertInvalid(() -> alerts.update(operator, project.id(), alert.alert().id(), new AlertUpdate(Change.keep(),
                Change.keep(), Change.keep(), Change.keep(), Change.keep(), Change.keep(), Change.keep(),
                Change.keep(), Change.keep(), Change.to(List.of(ChannelAssignment.of(foreign))))),
                "channel_assignments");

        assertThat(alerts.list(operator, project.id())).containsExactly(alert);
        assertThat(installation.auditEntries()).hasSize(entries);
    }

    @Test
    void aQueryTheCheckerRefusesIsNeitherStoredNorAudited() {
        AlertView alert = alerts.create(operator, project.id(), command("errors"));
        int entries = installation.auditEntries().size();

        assertInvalid(() -> alerts.create(operator, project.id(), new NewAlert("drop", null, "DROP TABLE records",
                Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ZERO, NotifyWhen.HAS_MATCHES, true, null,
                null)), "query");
        assertInvalid(() -> alerts.update(operator, project.id(), alert.alert().id(), new AlertUpdate(Change.keep(),
                Change.keep(), Change.to("DELETE FROM records"), Change.keep(), Change.keep(), Change.keep(),
                Change.keep(), Change.keep(), Change.keep(), Change.keep())), "query");

        assertThat(alerts.list(operator, project.id())).containsExactly(alert);
        assertThat(installation.auditEntries()).hasSize(entries);
    }

    @Test
    void withoutAQueryCheckerCreatingAnAlertFailsNamingTheModuleToAdd() {
        try (Installation bare = Installation.create()) {
            Project checkout = bare.project("checkout");

            assertThatThrownBy(() -> bare.gatehouse.alerts().create(bare.operator, checkout.id(), command("errors")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("gatehouse-adapters-sqlparser");
            assertThat(bare.gatehouse.alerts().list(bare.operator, checkout.id())).isEmpty();
        }
    }

    @Test
    void updateKeepsSetsAndClearsFieldsAndAuditsOnlyWhatChanged() {
        ChannelId pager = channel("pager");
        AlertView created = alerts.create(operator, project.id(), command("errors"));
        AlertId id = created.alert().id();
        AlertRun run = new AlertRun(Instant.parse("2030-01-01T00:00:00Z"), false, true, null, null);
        Alert withRun = created.alert();
        installation.storage.transactions().run(() -> installation.storage.alerts().update(new Alert(withRun.id(),
                withRun.organizationId(), withRun.projectId(), withRun.name(), withRun.description(), withRun.query(),
                withRun.timeWindow(), withRun.frequency(), withRun.watermark(), withRun.notifyWhen(),
                withRun.active(), withRun.channels(), withRun.createdAt(), withRun.createdBy(), null, null, run)));
        Principal writer = installation.keyHolding(Set.of(Scope.PROJECT_WRITE_ALERT), null);
        installation.clock.advance(Duration.ofMinutes(1));

        AlertView updated = alerts.update(writer, project.id(), id, new AlertUpdate(Change.to("5xx"), Change.to(null),
                Change.to("SELECT count(*) FROM records WHERE status >= 500"), Change.to(Duration.ofHours(1)),
                Change.keep(), Change.keep(), Change.to(NotifyWhen.MATCHES_CHANGED), Change.to(false),
                Change.to(List.of(pager)), Change.keep()));

        Alert alert = updated.alert();
        assertThat(alert.name()).isEqualTo("5xx");
        assertThat(alert.description()).isNull();
        assertThat(alert.query()).isEqualTo("SELECT count(*) FROM records WHERE status >= 500");
        assertThat(alert.timeWindow()).isEqualTo(Duration.ofHours(1));
        assertThat(alert.frequency()).isEqualTo(created.alert().frequency());
        assertThat(alert.notifyWhen()).isEqualTo(NotifyWhen.MATCHES_CHANGED);
        assertThat(alert.active()).isFalse();
        assertThat(alert.channelIds()).containsExactly(pager);
        assertThat(alert.createdAt()).isEqualTo(created.alert().createdAt());
        assertThat(alert.updatedAt()).isEqualTo(installation.clock.instant().truncatedTo(ChronoUnit.MICROS));
        assertThat(alert.updatedBy()).isEqualTo(writer.credentialId());
        assertThat(alert.lastRun()).isEqualTo(run);
        assertThat(updated.updatedByName()).isEqualTo("key");
        assertThat(alerts.get(operator, project.id(), id)).isEqualTo(updated);
        AuditEntry entry = installation.lastAuditEntryOf(id);
        assertThat(entry.action()).isEqualTo(AuditAction.UPDATE);
        assertThat(entry.changes()).containsExactly(
                new FieldChange("name", "errors", "5xx"),
                new FieldChange("description", "an alert", null),
                new FieldChange("query", "SELECT 1", "SELECT count(*) FROM records WHERE status >= 500"),
                new FieldChange("time_window", "PT5M", "PT1H"),
                new FieldChange("notify_when", "has_matches", "matches_changed"),
                new FieldChange("active", "true", "false"),
                new FieldChange("channels", null, pager.toString()));
    }

    @Test
    void anUpdateThatChangesNothingWritesNothing() {
        AlertView created = alerts.create(operator, project.id(), command("errors"));
        int entries = installation.auditEntries().size();
        installation.clock.advance(Duration.ofMinutes(1));

        AlertView none = alerts.update(operator, project.id(), created.alert().id(), AlertUpdate.none());
        AlertView same = alerts.update(operator, project.id(), created.alert().id(), rename("errors"));

        assertThat(none).isEqualTo(created);
        assertThat(same).isEqualTo(created);
        assertThat(installation.auditEntries()).hasSize(entries);
    }

    @Test
    void deleteRemovesTheAlertAndAuditsIt() {
        AlertView kept = alerts.create(operator, project.id(), command("kept"));
        AlertView deleted = alerts.create(operator, project.id(), command("errors"));
        AlertId id = deleted.alert().id();
        installation.clock.advance(Duration.ofMinutes(1));

        alerts.delete(operator, project.id(), id);

        assertThat(alerts.list(operator, project.id())).containsExactly(kept);
        AuditEntry entry = installation.lastAuditEntryOf(id);
        assertThat(entry.action()).isEqualTo(AuditAction.DELETE);
        assertThat(entry.resourceType()).isEqualTo("alert");
        assertThat(entry.changes()).contains(new FieldChange("name", "errors", null),
                new FieldChange("query", "SELECT 1", null));
        assertThatThrownBy(() -> alerts.delete(operator, project.id(), id)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void deletingAChannelDetachesItFromItsAlerts() {
        ChannelId pager = channel("pager");
        ChannelId slack = channel("slack");
        AlertView alert = alerts.create(operator, project.id(), withChannels("errors", List.of(pager, slack), null));

        installation.gatehouse.channels().delete(operator, pager);

        AlertView after = alerts.get(operator, project.id(), alert.alert().id());
        assertThat(after.channels()).extracting(shown -> shown.channel().channel().id()).containsExactly(slack);
        assertThat(after.alert().channelIds()).containsExactly(slack);
        assertThat(after.alert().updatedAt()).isEqualTo(alert.alert().updatedAt());
    }

    @Test
    void deletingAChannelAuditsEachAlertItLeaves() {
        ChannelId pager = channel("pager");
        ChannelId slack = channel("slack");
        Project other = installation.project("other");
        AlertView both = alerts.create(operator, project.id(), withChannels("errors", List.of(pager, slack), null));
        AlertView pagerOnly = alerts.create(operator, other.id(), withChannels("latency", List.of(pager), null));
        AlertView slackOnly = alerts.create(operator, project.id(), withChannels("quiet", List.of(slack), null));
        installation.clock.advance(Duration.ofMinutes(1));
        Principal channelWriter = installation.keyHolding(Set.of(Scope.ORGANIZATION_WRITE_CHANNEL), null);

        installation.gatehouse.channels().delete(channelWriter, pager);

        AuditEntry fromBoth = installation.lastAuditEntryOf(both.alert().id());
        assertThat(fromBoth.action()).isEqualTo(AuditAction.UPDATE);
        assertThat(fromBoth.resourceType()).isEqualTo("alert");
        assertThat(fromBoth.projectId()).isEqualTo(project.id());
        assertThat(fromBoth.actorId()).isEqualTo(channelWriter.credentialId());
        assertThat(fromBoth.createdAt()).isEqualTo(installation.clock.instant().truncatedTo(ChronoUnit.MICROS));
        assertThat(fromBoth.changes())
                .containsExactly(new FieldChange("channels", pager + "," + slack, slack.toString()));
        AuditEntry fromPagerOnly = installation.lastAuditEntryOf(pagerOnly.alert().id());
        assertThat(fromPagerOnly.projectId()).isEqualTo(other.id());
        assertThat(fromPagerOnly.changes()).containsExactly(new FieldChange("channels", pager.toString(), null));
        assertThat(installation.lastAuditEntryOf(slackOnly.alert().id()).action()).isEqualTo(AuditAction.INSERT);
        assertThat(installation.lastAuditEntryOf(pager).action()).isEqualTo(AuditAction.DELETE);
    }

    @Test
    void deletingAProjectDeletesItsAlerts() {
        Project other = installation.project("other");
        AlertView doomed = alerts.create(operator, project.id(), command("errors"));
        AlertView kept = alerts.create(operator, other.id(), command("errors"));

        installation.gatehouse.projects().delete(operator, project.id());

        assertThat(installation.storage.alerts().findById(doomed.alert().id())).isEmpty();
        assertThat(installation.storage.alerts().listByProject(project.id())).isEmpty();
        assertThat(alerts.list(operator, other.id())).containsExactly(kept);
    }

    private ChannelId channel(String label) {
        return installation.gatehouse.channels().create(operator,
                new NewChannel(label, new ChannelConfig.Webhook(WebhookFormat.SLACK_BLOCKKIT, HOOK))).channel().id();
    }

    private static NewAlert command(String name) {
        return new NewAlert(name, "an alert", "SELECT 1", Duration.ofMinutes(5), Duration.ofMinutes(1),
                Duration.ZERO, NotifyWhen.HAS_MATCHES, true, null, null);
    }

    private static NewAlert withChannels(String name, List<ChannelId> ids, List<ChannelAssignment> assignments) {
        return new NewAlert(name, "an alert", "SELECT 1", Duration.ofMinutes(5), Duration.ofMinutes(1),
                Duration.ZERO, NotifyWhen.HAS_MATCHES, true, ids, assignments);
    }

    private static AlertUpdate rename(String name) {
        return new AlertUpdate(Change.to(name), Change.keep(), Change.keep(), Change.keep(), Change.keep(),
                Change.keep(), Change.keep(), Change.keep(), Change.keep(), Change.keep());
    }

    private static void assertForbidden(Runnable call, Scope scope) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ForbiddenException.class,
                e -> assertThat(e.missingScope()).isEqualTo(scope));
    }

    private static void assertInvalid(Runnable call, String field) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }
}
