package dev.gatehouse.core;

import dev.gatehouse.ports.model.Condition;
import dev.gatehouse.ports.model.Rollout;
import dev.gatehouse.ports.model.RolloutOverride;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A variable's rollout and overrides as the audit log records them: compact JSON spelled as the API's
 * {@code RolloutData} and {@code OverrideData} spell them, so that an entry's values can be read, and patched back,
 * as the API's own.
 */
final class VariableAuditJson {

    private VariableAuditJson() {
    }

    /** {@code {"labels":{"beta":0.25},"latest_weight":0.5}}, without {@code latest_weight} where it is not set. */
    static String rollout(Rollout rollout) {
        List<String> labels = new ArrayList<>();
        for (Map.Entry<String, Double> label : rollout.labels().entrySet()) {
            labels.add(quoted(label.getKey()) + ":" + label.getValue());
        }
        String weights = "\"labels\":{" + String.join(",", labels) + "}";
        return "{" + weights + (rollout.latestWeight() == null ? "" : ",\"latest_weight\":" + rollout.latestWeight())
                + "}";
    }

    /** The overrides as a JSON array, or null for none (so that an entry records no empty list). */
    static String overrides(List<RolloutOverride> overrides) {
        if (overrides.isEmpty()) {
            return null;
        }
        List<String> items = new ArrayList<>();
        for (RolloutOverride override : overrides) {
            List<String> conditions = new ArrayList<>();
            override.conditions().forEach(condition -> conditions.add(condition(condition)));
            items.add("{\"name\":" + quotedOrNull(override.name()) + ",\"description\":"
                    + quotedOrNull(override.description()) + ",\"conditions\":[" + String.join(",", conditions)
                    + "],\"rollout\":" + rollout(override.rollout()) + "}");
        }
        return "[" + String.join(",", items) + "]";
    }

    /** A condition with the one operand its kind has; the value and values are already canonical JSON text. */
    private static String condition(Condition condition) {
        StringBuilder json = new StringBuilder("{\"kind\":").append(quoted(condition.kind().wireName()))
                .append(",\"attribute\":").append(quoted(condition.attribute()));
        if (condition.value() != null) {
            json.append(",\"value\":").append(condition.value());
        }
        if (condition.values() != null) {
            json.append(",\"values\":[").append(String.join(",", condition.values())).append(']');
        }
        if (condition.pattern() != null) {
            json.append(",\"pattern\":").append(quoted(condition.pattern()));
        }
        return json.append('}').toString();
    }

    private static String quotedOrNull(String text) {
        return text == null ? "null" : quoted(text);
    }

    /** {@code text} as a JSON string: quotes, backslashes and control characters escaped. */
    private static String quoted(String text) {
        StringBuilder json = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}
