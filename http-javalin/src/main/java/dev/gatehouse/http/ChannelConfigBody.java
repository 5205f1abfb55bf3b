package dev.gatehouse.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.ports.model.ChannelConfig;
import dev.gatehouse.ports.model.PagerDutyRegion;
import dev.gatehouse.ports.model.WebhookFormat;
import dev.gatehouse.ports.model.WireEnum;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Reads a channel's {@code config} as pydantic reads the reference's union discriminated by {@code type}: the tag
 * picks the variant, and each error's location names it, as in {@code ["body", "config", "webhook", "url"]}.
 * Collects every type error rather than stopping at the first; the rules on values (URL schemes, email addresses)
 * stay with the port's commands. Not thread-safe: one per request.
 */
final class ChannelConfigBody {

    /** The tags of the union, in the order the errors list them. */
    static final List<String> TAGS = List.of("webhook", "opsgenie", "notification", "email", "pagerduty");

    private static final String EXPECTED_TAGS = TAGS.stream().map(tag -> "'" + tag + "'")
            .collect(Collectors.joining(", "));

    private final List<ValidationError> errors = new ArrayList<>();

    /** The required {@code config} of {@code body}, or null when it is absent or not valid (the errors say why). */
    ChannelConfig readRequired(JsonNode body) {
        if (!body.has("config")) {
            errors.add(ValidationError.of("missing", List.of("body", "config"), "Field required", body));
            return null;
        }
        return read(body.get("config"));
    }

    /** The config {@code value} describes, or null when it is not valid (the errors say why). */
    ChannelConfig read(JsonNode value) {
        List<Object> loc = List.of("body", "config");
        if (!value.isObject()) {
            errors.add(ValidationError.of("model_attributes_type", loc,
                    "Input should be a valid dictionary or object to extract fields from", value));
            return null;
        }
        JsonNode tag = value.get("type");
        if (tag == null) {
            errors.add(new ValidationError("union_tag_not_found", loc,
                    "Unable to extract tag using discriminator 'type'", value, Map.of("discriminator", "'type'")));
            return null;
        }
        String tagText = PythonText.str(tag);
        if (!tag.isTextual() || !TAGS.contains(tagText)) {
            errors.add(new ValidationError("union_tag_invalid", loc, "Input tag '" + tagText
                    + "' found using 'type' does not match any of the expected tags: " + EXPECTED_TAGS, value,
                    Map.of("discriminator", "'type'", "tag", tagText, "expected_tags", EXPECTED_TAGS)));
            return null;
        }
        Variant variant = new Variant(value, List.of("body", "config", tagText));
        int before = errors.size();
        ChannelConfig config = switch (tagText) {
            case "webhook" -> {
                WebhookFormat format = variant.requiredEnum("format", WebhookFormat.class);
                String url = variant.requiredString("url");
                yield format == null || url == null ? null : new ChannelConfig.Webhook(format, url);
            }
            case "opsgenie" -> {
                String authKey = variant.requiredString("auth_key");
                String baseUrl = variant.optionalString("base_url");
                yield authKey == null ? null : new ChannelConfig.Opsgenie(authKey, baseUrl);
            }
            case "notification" -> {
                List<UUID> recipients = variant.requiredUuids("recipients");
                yield recipients == null ? null : new ChannelConfig.Notification(recipients);
            }
            case "email" -> {
                List<String> recipients = variant.requiredStrings("recipients");
                yield recipients == null ? null : new ChannelConfig.Email(recipients);
            }
            default -> {
                String routingKey = variant.requiredString("routing_key");
                PagerDutyRegion region = variant.requiredEnum("region", PagerDutyRegion.class);
                yield routingKey == null || region == null ? null : new ChannelConfig.PagerDuty(routingKey, region);
            }
        };
        return errors.size() == before ? config : null;
    }

    /** The errors found so far. */
    List<ValidationError> errors() {
        return List.copyOf(errors);
    }

    /** The fields of one variant of the union, with their locations. */
    private final class Variant {
        private final JsonNode node;
        private final List<Object> loc;

        Variant(JsonNode node, List<Object> loc) {
            this.node = node;
            this.loc = loc;
        }

        String requiredString(String field) {
            JsonNode value = node.get(field);
            if (value == null) {
                missing(field);
                return null;
            }
            return string(value, at(field));
        }

        /** An optional string, which may be absent but not null (the reference gives it a default, not null). */
        String optionalString(String field) {
            JsonNode value = node.get(field);
            return value == null ? null : string(value, at(field));
        }

        <E extends Enum<E> & WireEnum> E requiredEnum(String field, Class<E> type) {
            JsonNode value = node.get(field);
            if (value == null) {
                missing(field);
                return null;
            }
            if (value.isTextual()) {
                for (E constant : type.getEnumConstants()) {
                    if (constant.wireName().equals(value.textValue())) {
                        return constant;
                    }
                }
            }
            String expected = alternatives(Arrays.stream(type.getEnumConstants()).map(WireEnum::wireName).toList());
            errors.add(new ValidationError("enum", at(field), "Input should be " + expected, value,
                    Map.of("expected", expected)));
            return null;
        }

        List<String> requiredStrings(String field) {
            JsonNode list = requiredList(field);
            if (list == null) {
                return null;
            }
            List<String> strings = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                strings.add(string(list.get(i), at(field, i)));
            }
            return strings.contains(null) ? null : strings;
        }

        List<UUID> requiredUuids(String field) {
            JsonNode list = requiredList(field);
            if (list == null) {
                return null;
            }
            List<UUID> uuids = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                JsonNode item = list.get(i);
                UUID uuid = item.isTextual() ? PathIds.parseUuid(item.textValue()) : null;
                if (!item.isTextual()) {
                    errors.add(ValidationError.of("uuid_type", at(field, i),
                            "UUID input should be a string, bytes or UUID object", item));
                } else if (uuid == null) {
                    errors.add(PathIds.uuidError(at(field, i), item.textValue()));
                }
                uuids.add(uuid);
            }
            return uuids.contains(null) ? null : uuids;
        }

        private JsonNode requiredList(String field) {
            JsonNode value = node.get(field);
            if (value == null) {
                missing(field);
                return null;
            }
            if (!value.isArray()) {
                errors.add(ValidationError.of("list_type", at(field), "Input should be a valid list", value));
                return null;
            }
            return value;
        }

        private String string(JsonNode value, List<Object> at) {
            if (value.isTextual()) {
                return value.textValue();
            }
            errors.add(ValidationError.of("string_type", at, "Input should be a valid string", value));
            return null;
        }

        private void missing(String field) {
            errors.add(ValidationError.of("missing", at(field), "Field required", node));
        }

        private List<Object> at(Object... path) {
            List<Object> at = new ArrayList<>(loc);
            at.addAll(List.of(path));
            return at;
        }
    }

    private static String alternatives(List<String> names) {
        List<String> quoted = names.stream().map(name -> "'" + name + "'").toList();
        return String.join(", ", quoted.subList(0, quoted.size() - 1)) + " or " + quoted.get(quoted.size() - 1);
    }
}
