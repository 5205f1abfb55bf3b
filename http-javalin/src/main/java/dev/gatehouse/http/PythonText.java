package dev.gatehouse.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** JSON values spelled as Python's {@code str()} spells what they parse to, as pydantic's messages quote them. */
final class PythonText {

    private PythonText() {
    }

    /** {@code value} as {@code str()} of its Python value: {@code None}, {@code True}, {@code [1, 'a']}, {@code a}. */
    static String str(JsonNode value) {
        return value.isTextual() ? value.textValue() : repr(value);
    }

    private static String repr(JsonNode value) {
        if (value.isNull()) {
            return "None";
        }
        if (value.isBoolean()) {
            return value.booleanValue() ? "True" : "False";
        }
        if (value.isTextual()) {
            return quoted(value.textValue());
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(repr(item)));
            return "[" + String.join(", ", items) + "]";
        }
        if (value.isObject()) {
            List<String> members = new ArrayList<>();
            for (Map.Entry<String, JsonNode> member : value.properties()) {
                members.add(quoted(member.getKey()) + ": " + repr(member.getValue()));
            }
            return "{" + String.join(", ", members) + "}";
        }
        return value.asText();
    }

    private static String quoted(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
