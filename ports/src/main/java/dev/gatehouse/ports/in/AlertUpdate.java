package dev.gatehouse.ports.in;

import dev.gatehouse.ports.model.AlertRules;
import dev.gatehouse.ports.model.Change;
import dev.gatehouse.ports.model.ChannelAssignment;
import dev.gatehouse.ports.model.ChannelId;
import dev.gatehouse.ports.model.InvalidInputException;
import dev.gatehouse.ports.model.NotifyWhen;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A partial update of an alert: each field is kept or set; only the description may be cleared. New channels
 * replace the alert's channels whole, {@code channelAssignments} winning where both it and {@code channelIds} are
 * set.
 */
public record AlertUpdate(
        Change<String> name,
        Change<String> description,
        Change<String> query,
        Change<Duration> timeWindow,
        Change<Duration> frequency,
        Change<Duration> watermark,
        Change<NotifyWhen> notifyWhen,
        Change<Boolean> active,
        Change<List<ChannelId>> channelIds,
        Change<List<ChannelAssignment>> channelAssignments) {

    public AlertUpdate {
        Objects.requireNonNull(description, "description");
        name = checked(name, "name", AlertRules::requireValidName);
        query = checked(query, "query", AlertRules::requirePresentQuery);
        timeWindow = checked(timeWindow, "time_window", AlertRules::requireValidTimeWindow);
        frequency = checked(frequency, "frequency", AlertRules::requireValidFrequency);
        watermark = checked(watermark, "watermark", AlertRules::requireValidWatermark);
        notifyWhen = checked(notifyWhen, "notify_when", value -> value);
        active = checked(active, "active", value -> value);
        channelIds = checked(channelIds, NewAlert.CHANNEL_IDS, List::copyOf);
        channelAssignments = checked(channelAssignments, NewAlert.CHANNEL_ASSIGNMENTS, List::copyOf);
        NewAlert.requireEachChannelOnce(NewAlert.effective(valueOf(channelIds), valueOf(channelAssignments)),
                NewAlert.channelsField(valueOf(channelAssignments)));
    }

    /** An update that changes nothing. */
    public static AlertUpdate none() {
        return new AlertUpdate(Change.keep(), Change.keep(), Change.keep(), Change.keep(), Change.keep(),
                Change.keep(), Change.keep(), Change.keep(), Change.keep(), Change.keep());
    }

    /** The new channels: the assignments where set, else the ids without schedules where set, else keep. */
    public Change<List<ChannelAssignment>> channels() {
        List<ChannelAssignment> channels = NewAlert.effective(valueOf(channelIds), valueOf(channelAssignments));
        return channels == null ? Change.keep() : Change.to(channels);
    }

    /** The wire field the new channels came from, for errors about them: {@code channel_assignments} or {@code channel_ids}. */
    public String channelsField() {
        return NewAlert.channelsField(valueOf(channelAssignments));
    }

    private static <T> T valueOf(Change<T> change) {
        return change instanceof Change.SetTo<T> set ? set.value() : null;
    }

    /** The change with its new value validated; a field that is set must not be set to null. */
    private static <T> Change<T> checked(Change<T> change, String field, UnaryOperator<T> rule) {
        Objects.requireNonNull(change, field);
        if (!(change instanceof Change.SetTo<T> set)) {
            return change;
        }
        if (set.value() == null) {
            throw new InvalidInputException(field, "missing", field + " cannot be null");
        }
        return Change.to(rule.apply(set.value()));
    }
}
