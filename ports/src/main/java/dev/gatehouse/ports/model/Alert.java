package dev.gatehouse.ports.model;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An alert of a project: a read-only SQL query evaluated every {@code frequency} over the last {@code timeWindow},
 * notifying its channels as {@code notifyWhen} says.
 *
 * @param description null where none was given
 * @param watermark how long to wait for late data before a window is evaluated
 * @param channels the channels it notifies, in the order given, each at most once
 * @param createdBy the credential that created it, or null for an operator
 * @param updatedAt null until the first update
 * @param updatedBy the credential that last updated it, or null
 * @param lastRun the latest evaluation, or null until the alert is evaluated
 */
public record Alert(
        AlertId id,
        OrganizationId organizationId,
        ProjectId projectId,
        String name,
        String description,
        String query,
        Duration timeWindow,
        Duration frequency,
        Duration watermark,
        NotifyWhen notifyWhen,
        boolean active,
        List<ChannelAssignment> channels,
        Instant createdAt,
        CredentialId createdBy,
        Instant updatedAt,
        CredentialId updatedBy,
        AlertRun lastRun) {

    public Alert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(projectId, "projectId");
        AlertRules.requireValidName(name);
        AlertRules.requirePresentQuery(query);
        AlertRules.requireValidTimeWindow(timeWindow);
        AlertRules.requireValidFrequency(frequency);
        AlertRules.requireValidWatermark(watermark);
        Objects.requireNonNull(notifyWhen, "notifyWhen");
        channels = List.copyOf(channels);
        Set<ChannelId> seen = new HashSet<>();
        for (ChannelAssignment assignment : channels) {
            if (!seen.add(assignment.channelId())) {
                throw new IllegalArgumentException("channel " + assignment.channelId() + " is assigned twice");
            }
        }
        createdAt = Timestamps.micros(Objects.requireNonNull(createdAt, "createdAt"));
        updatedAt = Timestamps.micros(updatedAt);
    }

    /** The ids of the channels it notifies, in order. */
    public List<ChannelId> channelIds() {
        return channels.stream().map(ChannelAssignment::channelId).toList();
    }

    /** Whether it notifies {@code channel}. */
    public boolean notifies(ChannelId channel) {
        return channels.stream().anyMatch(assignment -> assignment.channelId().equals(channel));
    }

    /** A copy notifying {@code newChannels} instead, otherwise unchanged. */
    public Alert withChannels(List<ChannelAssignment> newChannels) {
        return new Alert(id, organizationId, projectId, name, description, query, timeWindow, frequency, watermark,
                notifyWhen, active, newChannels, createdAt, createdBy, updatedAt, updatedBy, lastRun);
    }
}
