package dev.gatehouse.http;

import static dev.gatehouse.http.BodyReader.at;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.ports.in.AlertUpdate;
import dev.gatehouse.ports.in.NewAlert;
import dev.gatehouse.ports.model.AlertRules;
import dev.gatehouse.ports.model.Change;
import dev.gatehouse.ports.model.ChannelAssignment;
import dev.gatehouse.ports.model.ChannelId;
import dev.gatehouse.ports.model.NotifyWhen;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Reads the reference's {@code AlertCreate} and {@code AlertUpdate} bodies, collecting an error with its {@code loc}
 * for every bad field, range errors included, before the port command is built. Durations are ISO 8601
 * ({@code PT5M}, {@code P1D}) or seconds, as a number or a numeric string. Not thread-safe: one per request.
 */
final class AlertBody {

    private static final List<Object> BODY = List.of("body");
    private static final String EXPECTED_NOTIFY_WHEN = Arrays.stream(NotifyWhen.values())
            .map(value -> "'" + value.wireName() + "'")
            .collect(Collectors.collectingAndThen(Collectors.toList(), quoted -> String.join(", ",
                    quoted.subList(0, quoted.size() - 1)) + " or " + quoted.get(quoted.size() - 1)));

    private final ObjectNode body;
    private final BodyReader reader = new BodyReader();

    private AlertBody(ObjectNode body) {
        this.body = body;
    }

    /** The create command of an {@code AlertCreate} body, or a 422 listing every bad field. */
    static NewAlert create(JsonBody json) {
        return new AlertBody(json.node()).create();
    }

    /** The partial update of an {@code AlertUpdate} body, or a 422 listing every bad field. */
    static AlertUpdate update(JsonBody json) {
        return new AlertBody(json.node()).update();
    }

    private NewAlert create() {
        String name = required("name", this::string, AlertRules::requireValidName);
        String description = required("description", this::string, UnaryOperator.identity());
        String query = required("query", this::string, UnaryOperator.identity());
        Duration timeWindow = required("time_window", this::duration, AlertRules::requireValidTimeWindow);
        Duration frequency = required("frequency", this::duration, AlertRules::requireValidFrequency);
        Duration watermark = required("watermark", this::duration, AlertRules::requireValidWatermark);
        NotifyWhen notifyWhen = required("notify_when", this::notifyWhen, UnaryOperator.identity());
        Boolean active = body.has("active") ? bool(body.get("active"), at(BODY, "active")) : Boolean.TRUE;
        List<ChannelId> channelIds = nullable("channel_ids", this::channelIds);
        List<ChannelAssignment> assignments = nullable("channel_assignments", this::assignments);
        reader.validate();
        NewAlert command = reader.build(BODY, body, () -> new NewAlert(name, description, query, timeWindow,
                frequency, watermark, notifyWhen, active, channelIds, assignments));
        reader.validate();
        return command;
    }

    private AlertUpdate update() {
        Change<String> name = optional("name", this::string, AlertRules::requireValidName);
        Change<String> description = optional("description", this::string, UnaryOperator.identity());
        Change<String> query = optional("query", this::string, UnaryOperator.identity());
        Change<Duration> timeWindow = optional("time_window", this::duration, AlertRules::requireValidTimeWindow);
        Change<Duration> frequency = optional("frequency", this::duration, AlertRules::requireValidFrequency);
        Change<Duration> watermark = optional("watermark", this::duration, AlertRules::requireValidWatermark);
        Change<NotifyWhen> notifyWhen = optional("notify_when", this::notifyWhen, UnaryOperator.identity());
        Change<Boolean> active = optional("active", this::bool, UnaryOperator.identity());
        List<ChannelId> channelIds = nullable("channel_ids", this::channelIds);
        Change<List<ChannelAssignment>> assignments = optional("channel_assignments", this::assignments,
                UnaryOperator.identity());
        reader.validate();
        AlertUpdate update = reader.build(BODY, body, () -> new AlertUpdate(name, description, query, timeWindow,
                frequency, watermark, notifyWhen, active, channelIds == null ? Change.keep() : Change.to(channelIds),
                assignments));
        reader.validate();
        return update;
    }

    /** A field that must be present; its value is read by {@code parse} and then checked by {@code rule}. */
    private <T> T required(String field, Reading<T> parse, UnaryOperator<T> rule) {
        JsonNode value = reader.required(body, field, BODY);
        return value == null ? null : checked(field, value, parse, rule);
    }

    /** A field that is kept where absent; present, it must hold a valid value (never null). */
    private <T> Change<T> optional(String field, Reading<T> parse, UnaryOperator<T> rule) {
        if (!body.has(field)) {
            return Change.keep();
        }
        T value = checked(field, body.get(field), parse, rule);
        return value == null ? Change.keep() : Change.to(value);
    }

    /** A field that may be absent or null, both read as null. */
    private <T> T nullable(String field, Reading<T> parse) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : parse.read(value, at(BODY, field));
    }

    private <T> T checked(String field, JsonNode value, Reading<T> parse, UnaryOperator<T> rule) {
        List<Object> loc = at(BODY, field);
        T parsed = parse.read(value, loc);
        return parsed == null ? null : reader.buildAt(loc, value, () -> rule.apply(parsed));
    }

    private String string(JsonNode value, List<Object> loc) {
        return reader.string(value, loc);
    }

    private Boolean bool(JsonNode value, List<Object> loc) {
        return reader.bool(value, loc);
    }

    private NotifyWhen notifyWhen(JsonNode value, List<Object> loc) {
        if (value.isTextual()) {
            for (NotifyWhen candidate : NotifyWhen.values()) {
                if (candidate.wireName().equals(value.textValue())) {
                    return candidate;
                }
            }
        }
        reader.errors().add(new ValidationError("literal_error", loc, "Input should be " + EXPECTED_NOTIFY_WHEN,
                value, Map.of("expected", EXPECTED_NOTIFY_WHEN)));
        return null;
    }

    /** ISO 8601 or seconds (a number or a numeric string); a negative or fractional one is left to the range rule. */
    private Duration duration(JsonNode value, List<Object> loc) {
        if (!value.isNumber() && !value.isTextual()) {
            reader.errors().add(ValidationError.of("time_delta_type", loc, "Input should be a valid duration", value));
            return null;
        }
        Duration duration = value.isNumber() ? seconds(NumericInput.decimal(value)) : parseDuration(value.textValue());
        if (duration == null) {
            reader.errors().add(new ValidationError("time_delta_parsing", loc, "Input should be a valid duration",
                    value, Map.of("error", "expected ISO 8601 such as PT5M or P1D, or a number of seconds")));
        }
        return duration;
    }

    private static Duration parseDuration(String text) {
        BigDecimal seconds = NumericInput.decimal(text);
        if (seconds != null) {
            return NumericInput.duration(seconds);
        }
        return PydanticDuration.parse(text);
    }

    /** {@code seconds} as a duration, or null where it is no finite number or does not fit a duration. */
    private static Duration seconds(BigDecimal seconds) {
        return seconds == null ? null : NumericInput.duration(seconds);
    }

    private List<ChannelId> channelIds(JsonNode value, List<Object> loc) {
        return list(value, loc, (item, itemLoc) -> {
            UUID id = uuid(item, itemLoc);
            return id == null ? null : new ChannelId(id);
        });
    }

    private List<ChannelAssignment> assignments(JsonNode value, List<Object> loc) {
        return list(value, loc, (item, itemLoc) -> {
            ObjectNode assignment = reader.object(item, itemLoc);
            if (assignment == null) {
                return null;
            }
            JsonNode channel = reader.required(assignment, "channel_id", itemLoc);
            UUID channelId = channel == null ? null : uuid(channel, at(itemLoc, "channel_id"));
            JsonNode schedule = assignment.get("schedule_id");
            UUID scheduleId = schedule == null || schedule.isNull() ? null : uuid(schedule, at(itemLoc, "schedule_id"));
            boolean scheduleRefused = schedule != null && !schedule.isNull() && scheduleId == null;
            return channelId == null || scheduleRefused ? null
                    : new ChannelAssignment(new ChannelId(channelId), scheduleId);
        });
    }

    /** Each item of an array read by {@code item} at its index; null where the value or any item is bad. */
    private <T> List<T> list(JsonNode value, List<Object> loc, Reading<T> item) {
        if (!reader.array(value, loc)) {
            return null;
        }
        List<T> items = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            items.add(item.read(value.get(i), at(loc, i)));
        }
        return items.contains(null) ? null : items;
    }

    private UUID uuid(JsonNode value, List<Object> loc) {
        if (!value.isTextual()) {
            reader.errors().add(ValidationError.of("uuid_type", loc,
                    "UUID input should be a string, bytes or UUID object", value));
            return null;
        }
        UUID uuid = PathIds.parseUuid(value.textValue());
        if (uuid == null) {
            reader.errors().add(PathIds.uuidError(loc, value.textValue()));
        }
        return uuid;
    }

    /** Reads one JSON value found at {@code loc}, recording an error and answering null where it is bad. */
    @FunctionalInterface
    private interface Reading<T> {
        T read(JsonNode value, List<Object> loc);
    }
}
