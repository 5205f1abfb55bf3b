package dev.gatehouse.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.gatehouse.ports.model.Alert;
import dev.gatehouse.ports.model.AlertChannelView;
import dev.gatehouse.ports.model.AlertRun;
import dev.gatehouse.ports.model.AlertView;
import dev.gatehouse.ports.model.WireText;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The response bodies of the alert routes, named as the reference names their schemas. Durations are written in
 * ISO 8601 as pydantic writes them ({@code PT5M}, {@code P1DT2H}), whatever form they were given in.
 */
final class AlertWire {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AlertWire() {
    }

    /** AlertChannelRead: one channel of an alert, masked as the channel routes show it, with its schedule. */
    record AlertChannelRead(UUID id, UUID organizationId, String label, boolean active, Instant createdAt,
                            Instant updatedAt, String createdByName, String updatedByName, Object config,
                            UUID scheduleId) {

        static AlertChannelRead of(AlertChannelView view) {
            ChannelWire.ChannelRead channel = ChannelWire.ChannelRead.of(view.channel());
            return new AlertChannelRead(channel.id(), channel.organizationId(), channel.label(), channel.active(),
                    channel.createdAt(), channel.updatedAt(), channel.createdByName(), channel.updatedByName(),
                    channel.config(), view.scheduleId());
        }
    }

    /** AlertRead: what create and update answer. */
    record AlertRead(UUID id, UUID organizationId, UUID projectId, Instant createdAt, Instant updatedAt,
                     String createdByName, String updatedByName, String name, String description, String query,
                     String timeWindow, String frequency, String watermark, List<AlertChannelRead> channels,
                     String notifyWhen, boolean active) {

        static AlertRead of(AlertView view) {
            Alert alert = view.alert();
            return new AlertRead(alert.id().value(), alert.organizationId().value(), alert.projectId().value(),
                    alert.createdAt(), alert.updatedAt(), view.createdByName(), view.updatedByName(), alert.name(),
                    alert.description(), alert.query(), iso(alert.timeWindow()), iso(alert.frequency()),
                    iso(alert.watermark()), view.channels().stream().map(AlertChannelRead::of).toList(),
                    alert.notifyWhen().wireName(), alert.active());
        }
    }

    /** AlertWithLastRun: what list and get answer; the last-run fields are null until the alert is evaluated. */
    record AlertWithLastRun(UUID id, UUID organizationId, UUID projectId, Instant createdAt, Instant updatedAt,
                            String createdByName, String updatedByName, String name, String description,
                            String query, String timeWindow, String frequency, String watermark,
                            List<AlertChannelRead> channels, String notifyWhen, boolean active, Instant lastRun,
                            Boolean hasMatches, Boolean hasErrors, JsonNode result, Integer resultLength) {

        static AlertWithLastRun of(AlertView view) {
            AlertRead read = AlertRead.of(view);
            AlertRun run = view.alert().lastRun();
            return new AlertWithLastRun(read.id(), read.organizationId(), read.projectId(), read.createdAt(),
                    read.updatedAt(), read.createdByName(), read.updatedByName(), read.name(), read.description(),
                    read.query(), read.timeWindow(), read.frequency(), read.watermark(), read.channels(),
                    read.notifyWhen(), read.active(), run == null ? null : run.lastRun(),
                    run == null ? null : run.hasMatches(), run == null ? null : run.hasErrors(),
                    run == null ? null : resultJson(run.result()), run == null ? null : run.resultLength());
        }
    }

    static String iso(Duration duration) {
        return WireText.duration(duration);
    }

    /** The stored result as JSON, or as a string where whatever stored it did not write valid JSON. */
    private static JsonNode resultJson(String text) {
        if (text == null) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException notJson) {
            return TextNode.valueOf(text);
        }
    }
}
