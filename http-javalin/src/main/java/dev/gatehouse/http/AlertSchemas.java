package dev.gatehouse.http;

import static dev.gatehouse.http.SchemaNodes.anyOf;
import static dev.gatehouse.http.SchemaNodes.any;
import static dev.gatehouse.http.SchemaNodes.array;
import static dev.gatehouse.http.SchemaNodes.bool;
import static dev.gatehouse.http.SchemaNodes.dateTime;
import static dev.gatehouse.http.SchemaNodes.describe;
import static dev.gatehouse.http.SchemaNodes.enumOf;
import static dev.gatehouse.http.SchemaNodes.integer;
import static dev.gatehouse.http.SchemaNodes.nullable;
import static dev.gatehouse.http.SchemaNodes.number;
import static dev.gatehouse.http.SchemaNodes.object;
import static dev.gatehouse.http.SchemaNodes.optional;
import static dev.gatehouse.http.SchemaNodes.ref;
import static dev.gatehouse.http.SchemaNodes.required;
import static dev.gatehouse.http.SchemaNodes.string;
import static dev.gatehouse.http.SchemaNodes.uuid;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.http.SchemaNodes.Property;
import dev.gatehouse.ports.model.AlertRules;
import dev.gatehouse.ports.model.NotifyWhen;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;

/** The component schemas of the alert bodies, with the reference's names and Gatehouse's limits. */
final class AlertSchemas {

    private AlertSchemas() {
    }

    /** Adds every alert schema to {@code schemas}, which already holds the channel schemas. */
    static void addTo(Map<String, ObjectNode> schemas) {
        schemas.put("AlertChannelAssignment", object(
                required("channel_id", uuid()),
                optional("schedule_id", nullable(uuid()))));
        // The same config union as ChannelRead's, so that an alert's channel reads exactly as the channel does.
        ObjectNode config = schemas.get("ChannelRead").get("properties").get("config").deepCopy();
        schemas.put("AlertChannelRead", object(
                required("id", uuid()),
                required("organization_id", uuid()),
                required("label", string()),
                required("active", bool()),
                required("created_at", dateTime()),
                required("updated_at", nullable(dateTime())),
                required("created_by_name", nullable(string())),
                required("updated_by_name", nullable(string())),
                required("config", config),
                required("schedule_id", nullable(uuid()))));
        schemas.put("AlertCreate", object(
                required("name", name()),
                required("description", string()),
                required("query", query()),
                required("time_window", durationInput(AlertRules.MIN_TIME_WINDOW.toSeconds(),
                        AlertRules.MAX_TIME_WINDOW.toSeconds(), "1 minute to 30 days")),
                required("frequency", durationInput(AlertRules.MIN_FREQUENCY.toSeconds(),
                        AlertRules.MAX_FREQUENCY.toSeconds(), "1 minute to 24 hours")),
                required("watermark", durationInput(0, AlertRules.MAX_WATERMARK.toSeconds(), "0 to 30 days")),
                optional("active", describe(bool(), "Whether the alert starts enabled.").put("default", true)),
                optional("channel_ids", describe(nullable(array(uuid())),
                        "Legacy shorthand for assigning channels without schedules.")),
                optional("channel_assignments", describe(nullable(array(ref("AlertChannelAssignment"))),
                        "Schedule-aware channel configuration. When both channel_assignments and channel_ids are"
                                + " provided, channel_assignments is used.")),
                required("notify_when", notifyWhen())));
        schemas.put("AlertUpdate", describe(object(
                        optional("name", name()),
                        optional("description", string()),
                        optional("time_window", durationInput(AlertRules.MIN_TIME_WINDOW.toSeconds(),
                                AlertRules.MAX_TIME_WINDOW.toSeconds(), "1 minute to 30 days")),
                        optional("frequency", durationInput(AlertRules.MIN_FREQUENCY.toSeconds(),
                                AlertRules.MAX_FREQUENCY.toSeconds(), "1 minute to 24 hours")),
                        optional("watermark", durationInput(0, AlertRules.MAX_WATERMARK.toSeconds(), "0 to 30 days")),
                        optional("active", bool()),
                        optional("query", query()),
                        optional("channel_ids", describe(nullable(array(uuid())),
                                "Legacy shorthand for assigning channels without schedules; null is unchanged.")),
                        optional("channel_assignments", describe(array(ref("AlertChannelAssignment")),
                                "Replaces the alert's channels; wins over channel_ids.")),
                        optional("notify_when", notifyWhen())),
                "The fields that can be updated on an alert: an absent field is unchanged."));
        schemas.put("AlertRead", object(readFields()));
        schemas.put("AlertWithLastRun", object(Stream.concat(Arrays.stream(readFields()), Stream.of(
                required("last_run", nullable(dateTime())),
                required("has_matches", nullable(bool())),
                required("has_errors", nullable(bool())),
                required("result", describe(any(), "The latest evaluation's result as JSON; null until evaluated.")),
                required("result_length", nullable(integer())))).toArray(Property[]::new)));
    }

    private static Property[] readFields() {
        return new Property[] {
            required("id", uuid()),
            required("organization_id", uuid()),
            required("project_id", uuid()),
            required("created_at", dateTime()),
            required("updated_at", nullable(dateTime())),
            required("created_by_name", nullable(string())),
            required("updated_by_name", nullable(string())),
            required("name", string()),
            required("description", nullable(string())),
            required("query", string()),
            required("time_window", durationOutput()),
            required("frequency", durationOutput()),
            required("watermark", durationOutput()),
            required("channels", array(ref("AlertChannelRead"))),
            required("notify_when", notifyWhen()),
            required("active", bool()),
        };
    }

    private static ObjectNode name() {
        return string().put("minLength", 1).put("maxLength", AlertRules.NAME_MAX_LENGTH);
    }

    private static ObjectNode query() {
        return describe(string().put("minLength", 1), "Exactly one read-only SELECT (WITH, UNION and subqueries"
                + " allowed; no INTO, locking clause or data-modifying WITH item).");
    }

    private static ObjectNode notifyWhen() {
        return enumOf(Arrays.stream(NotifyWhen.values()).map(NotifyWhen::wireName).toArray(String[]::new));
    }

    private static ObjectNode durationInput(long minSeconds, long maxSeconds, String range) {
        return describe(anyOf(string().put("format", "duration"),
                        number().put("minimum", minSeconds).put("maximum", maxSeconds)),
                "ISO 8601 (PT5M, P1D, P1W) or any other duration pydantic reads, or a number of seconds; whole "
                        + "seconds from " + range + ".");
    }

    private static ObjectNode durationOutput() {
        return describe(string().put("format", "duration"),
                "ISO 8601 as pydantic writes it, such as PT5M, P1D or P1DT2H30M.");
    }
}
