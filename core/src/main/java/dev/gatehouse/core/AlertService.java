package dev.gatehouse.core;

import dev.gatehouse.ports.in.AlertUpdate;
import dev.gatehouse.ports.in.Alerts;
import dev.gatehouse.ports.in.NewAlert;
import dev.gatehouse.ports.model.Alert;
import dev.gatehouse.ports.model.AlertChannelView;
import dev.gatehouse.ports.model.AlertId;
import dev.gatehouse.ports.model.AlertView;
import dev.gatehouse.ports.model.AuditAction;
import dev.gatehouse.ports.model.Change;
import dev.gatehouse.ports.model.Channel;
import dev.gatehouse.ports.model.ChannelAssignment;
import dev.gatehouse.ports.model.ChannelId;
import dev.gatehouse.ports.model.ChannelView;
import dev.gatehouse.ports.model.ConflictException;
import dev.gatehouse.ports.model.InvalidInputException;
import dev.gatehouse.ports.model.NotFoundException;
import dev.gatehouse.ports.model.NotifyWhen;
import dev.gatehouse.ports.model.Principal;
import dev.gatehouse.ports.model.Project;
import dev.gatehouse.ports.model.ProjectId;
import dev.gatehouse.ports.model.Scope;
import dev.gatehouse.ports.out.AlertStore;
import dev.gatehouse.ports.out.QueryChecker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The {@link Alerts} use cases: alerts of a project, whose queries a {@link QueryChecker} judges and whose channels
 * must be channels of the caller's organization, shown with those channels masked. Thread-safe.
 */
final class AlertService implements Alerts {

    /** The module that provides the {@link QueryChecker} the core looks for when none is given. */
    static final String QUERY_CHECKER_MODULE = "dev.gatehouse:gatehouse-adapters-sqlparser";

    private final Env env;
    private final ChannelService channels;
    private final QueryChecker queryChecker;

    /** @param queryChecker the checker of alert queries, or null where none is available */
    AlertService(Env env, ChannelService channels, QueryChecker queryChecker) {
        this.env = env;
        this.channels = channels;
        this.queryChecker = queryChecker;
    }

    @Override
    public List<AlertView> list(Principal caller, ProjectId project) {
        Access.require(caller, Scope.PROJECT_READ_ALERT);
        Project visible = ProjectBinding.visible(env, caller, project);
        return views(store().listByProject(visible.id()));
    }

    @Override
    public AlertView get(Principal caller, ProjectId project, AlertId id) {
        Objects.requireNonNull(id, "id");
        Access.require(caller, Scope.PROJECT_READ_ALERT);
        Project visible = ProjectBinding.visible(env, caller, project);
        return views(List.of(alertOf(visible, id))).get(0);
    }

    @Override
    public AlertView create(Principal caller, ProjectId project, NewAlert command) {
        Objects.requireNonNull(command, "command");
        Access.require(caller, Scope.PROJECT_WRITE_ALERT);
        checker().requireReadOnlySelect(command.query());
        return env.storage().transactions().inTransaction(() -> {
            Project visible = ProjectBinding.visible(env, caller, project);
            requireNameFree(visible, command.name());
            requireChannelsOf(caller, command.channels(), command.channelsField());
            Instant now = env.now();
            Alert alert = new Alert(AlertId.random(), visible.organizationId(), visible.id(), command.name(),
                    command.description(), command.query(), command.timeWindow(), command.frequency(),
                    command.watermark(), command.notifyWhen(), command.active(), command.channels(), now,
                    caller.credentialId(), null, null, null);
            store().insert(alert);
            AlertAudit.record(env, alert, AuditAction.INSERT, caller, now, new AuditTrail.Fields()
                    .set("name", alert.name())
                    .set("description", alert.description())
                    .set("query", alert.query())
                    .set("time_window", alert.timeWindow())
                    .set("frequency", alert.frequency())
                    .set("watermark", alert.watermark())
                    .set("notify_when", alert.notifyWhen())
                    .set("active", alert.active())
                    .set("channels", AlertAudit.channelsText(alert.channels())));
            return views(List.of(alert)).get(0);
        });
    }

    @Override
    public AlertView update(Principal caller, ProjectId project, AlertId id, AlertUpdate update) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(update, "update");
        Access.require(caller, Scope.PROJECT_WRITE_ALERT);
        if (update.query() instanceof Change.SetTo<String> query) {
            checker().requireReadOnlySelect(query.value());
        }
        return env.storage().transactions().inTransaction(() -> {
            Project visible = ProjectBinding.visible(env, caller, project);
            Alert current = alertForUpdate(visible, id);
            String name = update.name().applyTo(current.name());
            String description = update.description().applyTo(current.description());
            String query = update.query().applyTo(current.query());
            Duration timeWindow = update.timeWindow().applyTo(current.timeWindow());
            Duration frequency = update.frequency().applyTo(current.frequency());
            Duration watermark = update.watermark().applyTo(current.watermark());
            NotifyWhen notifyWhen = update.notifyWhen().applyTo(current.notifyWhen());
            boolean active = update.active().applyTo(current.active());
            List<ChannelAssignment> assignments = update.channels().applyTo(current.channels());
            AuditTrail.Fields fields = new AuditTrail.Fields()
                    .change("name", current.name(), name)
                    .change("description", current.description(), description)
                    .change("query", current.query(), query)
                    .change("time_window", current.timeWindow(), timeWindow)
                    .change("frequency", current.frequency(), frequency)
                    .change("watermark", current.watermark(), watermark)
                    .change("notify_when", current.notifyWhen(), notifyWhen)
                    .change("active", current.active(), active)
                    .change("channels", AlertAudit.channelsText(current.channels()),
                            AlertAudit.channelsText(assignments));
            if (fields.isEmpty()) {
                return views(List.of(current)).get(0);
            }
            if (!name.equals(current.name())) {
                requireNameFree(visible, name);
            }
            if (update.channels().isSet()) {
                requireChannelsOf(caller, assignments, update.channelsField());
            }
            Instant now = env.now();
            Alert updated = new Alert(current.id(), current.organizationId(), current.projectId(), name, description,
                    query, timeWindow, frequency, watermark, notifyWhen, active, assignments, current.createdAt(),
                    current.createdBy(), now, caller.credentialId(), current.lastRun());
            store().update(updated);
            AlertAudit.record(env, updated, AuditAction.UPDATE, caller, now, fields);
            return views(List.of(updated)).get(0);
        });
    }

    @Override
    public void delete(Principal caller, ProjectId project, AlertId id) {
        Objects.requireNonNull(id, "id");
        Access.require(caller, Scope.PROJECT_WRITE_ALERT);
        env.storage().transactions().run(() -> {
            Project visible = ProjectBinding.visible(env, caller, project);
            Alert alert = alertOf(visible, id);
            store().delete(alert.id());
            AlertAudit.record(env, alert, AuditAction.DELETE, caller, env.now(), AlertAudit.removal(alert));
        });
    }

    private QueryChecker checker() {
        if (queryChecker == null) {
            throw new IllegalStateException("No QueryChecker to judge alert queries: add " + QUERY_CHECKER_MODULE
                    + " to the classpath, or pass one to Gatehouse.builder().queryChecker(...)");
        }
        return queryChecker;
    }

    /** The alert if it belongs to {@code project}; an alert of another project does not exist there. */
    private Alert alertOf(Project project, AlertId id) {
        return inProject(project, store().findById(id));
    }

    /** As {@link #alertOf}, and locked until the unit of work ends: for an update. */
    private Alert alertForUpdate(Project project, AlertId id) {
        return inProject(project, store().findByIdForUpdate(id));
    }

    private static Alert inProject(Project project, Optional<Alert> found) {
        return found.filter(alert -> alert.projectId().equals(project.id()))
                .orElseThrow(() -> new NotFoundException("Alert not found"));
    }

    private void requireNameFree(Project project, String name) {
        if (store().findByName(project.id(), name).isPresent()) {
            throw new ConflictException("An alert named '" + name + "' already exists in this project");
        }
    }

    /** Refuses, on the wire field they came from, channels that are not channels of the caller's organization. */
    private void requireChannelsOf(Principal caller, List<ChannelAssignment> assignments, String field) {
        for (ChannelAssignment assignment : assignments) {
            boolean ours = env.storage().channels().findById(assignment.channelId())
                    .filter(channel -> channel.organizationId().equals(caller.organizationId()))
                    .isPresent();
            if (!ours) {
                throw new InvalidInputException(field, "value_error",
                        "Value error, channel " + assignment.channelId() + " is not a channel of this organization");
            }
        }
    }

    /**
     * Alerts as they may be shown: creator and updater named, channels masked by the channel service in each alert's
     * order. A channel is looked up once however many alerts use it.
     */
    private List<AlertView> views(List<Alert> alerts) {
        ActorNames names = new ActorNames(env.storage().credentials());
        Set<ChannelId> used = new LinkedHashSet<>();
        alerts.forEach(alert -> used.addAll(alert.channelIds()));
        List<Channel> found = new ArrayList<>();
        used.forEach(id -> env.storage().channels().findById(id).ifPresent(found::add));
        Map<ChannelId, ChannelView> shown = new HashMap<>();
        channels.views(found).forEach(view -> shown.put(view.channel().id(), view));
        return alerts.stream().map(alert -> new AlertView(alert, names.nameOf(alert.createdBy()),
                names.nameOf(alert.updatedBy()), alert.channels().stream()
                        .filter(assignment -> shown.containsKey(assignment.channelId()))
                        .map(assignment -> new AlertChannelView(shown.get(assignment.channelId()),
                                assignment.scheduleId()))
                        .toList())).toList();
    }

    private AlertStore store() {
        return env.storage().alerts();
    }
}
