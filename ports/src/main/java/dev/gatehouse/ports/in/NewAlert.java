package dev.gatehouse.ports.in;

import dev.gatehouse.ports.model.AlertRules;
import dev.gatehouse.ports.model.ChannelAssignment;
import dev.gatehouse.ports.model.ChannelId;
import dev.gatehouse.ports.model.InvalidInputException;
import dev.gatehouse.ports.model.NotifyWhen;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The command to create an alert; validates every field but the query's SQL, which a {@code QueryChecker} judges.
 * Channels come as the reference offers them: {@code channelAssignments} wins where both it and {@code channelIds}
 * are given.
 *
 * @param description null for none
 * @param channelIds the legacy shorthand, channels without schedules; null where not given
 * @param channelAssignments channels with optional schedules; null where not given
 */
public record NewAlert(
        String name,
        String description,
        String query,
        Duration timeWindow,
        Duration frequency,
        Duration watermark,
        NotifyWhen notifyWhen,
        boolean active,
        List<ChannelId> channelIds,
        List<ChannelAssignment> channelAssignments) {

    static final String CHANNEL_IDS = "channel_ids";
    static final String CHANNEL_ASSIGNMENTS = "channel_assignments";

    public NewAlert {
        AlertRules.requireValidName(name);
        AlertRules.requirePresentQuery(query);
        AlertRules.requireValidTimeWindow(timeWindow);
        AlertRules.requireValidFrequency(frequency);
        AlertRules.requireValidWatermark(watermark);
        if (notifyWhen == null) {
            throw new InvalidInputException("notify_when", "missing", "Field required");
        }
        channelIds = channelIds == null ? null : List.copyOf(channelIds);
        channelAssignments = channelAssignments == null ? null : List.copyOf(channelAssignments);
        requireEachChannelOnce(effective(channelIds, channelAssignments), channelsField(channelAssignments));
    }

    /** The channels the alert notifies: the assignments where given, else the ids without schedules, else none. */
    public List<ChannelAssignment> channels() {
        List<ChannelAssignment> channels = effective(channelIds, channelAssignments);
        return channels == null ? List.of() : channels;
    }

    /** The wire field the channels came from, for errors about them: {@code channel_assignments} or {@code channel_ids}. */
    public String channelsField() {
        return channelsField(channelAssignments);
    }

    static List<ChannelAssignment> effective(List<ChannelId> ids, List<ChannelAssignment> assignments) {
        if (assignments != null) {
            return assignments;
        }
        return ids == null ? null : ids.stream().map(ChannelAssignment::of).toList();
    }

    static String channelsField(List<ChannelAssignment> assignments) {
        return assignments != null ? CHANNEL_ASSIGNMENTS : CHANNEL_IDS;
    }

    static void requireEachChannelOnce(List<ChannelAssignment> channels, String field) {
        if (channels == null) {
            return;
        }
        Set<ChannelId> seen = new HashSet<>();
        for (ChannelAssignment assignment : channels) {
            Objects.requireNonNull(assignment, "a channel assignment");
            if (!seen.add(assignment.channelId())) {
                throw new InvalidInputException(field, "value_error",
                        "Value error, channel " + assignment.channelId() + " is given more than once");
            }
        }
    }
}
