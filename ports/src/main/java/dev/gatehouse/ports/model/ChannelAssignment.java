package dev.gatehouse.ports.model;

import java.util.Objects;
import java.util.UUID;

/**
 * One channel an alert notifies.
 *
 * @param scheduleId the schedule that limits when the channel is notified, or null for always
 */
public record ChannelAssignment(ChannelId channelId, UUID scheduleId) {

    public ChannelAssignment {
        Objects.requireNonNull(channelId, "channelId");
    }

    /** The channel, notified whenever the alert fires. */
    public static ChannelAssignment of(ChannelId channelId) {
        return new ChannelAssignment(channelId, null);
    }
}
