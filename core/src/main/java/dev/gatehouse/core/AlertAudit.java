package dev.gatehouse.core;

import dev.gatehouse.ports.model.Alert;
import dev.gatehouse.ports.model.AuditAction;
import dev.gatehouse.ports.model.ChannelAssignment;
import dev.gatehouse.ports.model.Principal;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How the audit log records a change to an alert, for the two services that change alerts: the alerts' own, and the
 * channels', whose deletion detaches a channel from every alert that used it.
 */
final class AlertAudit {

    static final String RESOURCE = "alert";

    private AlertAudit() {
    }

    /**
     * The channels as the audit log records them, in order, each with its schedule where it has one; null for none,
     * so that an alert without channels records no such field.
     */
    static String channelsText(List<ChannelAssignment> assignments) {
        if (assignments.isEmpty()) {
            return null;
        }
        return assignments.stream()
                .map(assignment -> assignment.scheduleId() == null
                        ? assignment.channelId().toString()
                        : assignment.channelId() + " schedule " + assignment.scheduleId())
                .collect(Collectors.joining(","));
    }

    /** The fields of an alert's DELETE entry: everything it held, so that the entry could restore it. */
    static AuditTrail.Fields removal(Alert alert) {
        return new AuditTrail.Fields()
                .removed("name", alert.name())
                .removed("description", alert.description())
                .removed("query", alert.query())
                .removed("time_window", alert.timeWindow())
                .removed("frequency", alert.frequency())
                .removed("watermark", alert.watermark())
                .removed("notify_when", alert.notifyWhen())
                .removed("active", alert.active())
                .removed("channels", channelsText(alert.channels()));
    }

    /** Records {@code fields} of {@code alert} as changed by {@code caller} at {@code now}. */
    static void record(Env env, Alert alert, AuditAction action, Principal caller, Instant now,
            AuditTrail.Fields fields) {
        env.audit().record(alert.organizationId(), alert.projectId(), action, RESOURCE, alert.id(), caller, now,
                fields);
    }
}
