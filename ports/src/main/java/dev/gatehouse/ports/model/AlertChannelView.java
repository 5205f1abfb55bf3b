package dev.gatehouse.ports.model;

import java.util.Objects;
import java.util.UUID;

/**
 * One channel of an alert as the inbound port shows it: the channel's masked view and the assignment's schedule.
 *
 * @param scheduleId the schedule that limits when the channel is notified, or null for always
 */
public record AlertChannelView(ChannelView channel, UUID scheduleId) {

    public AlertChannelView {
        Objects.requireNonNull(channel, "channel");
    }
}
