package dev.gatehouse.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Refuses the NUL character (U+0000) anywhere in a request's text, names and free-form JSON included, with a 422 at
 * each place it occurs: PostgreSQL can store it in neither text nor JSON, so every store refuses it alike. The errors
 * never echo the text, which may be a secret (a webhook URL, a routing key) that no response may show.
 */
final class NulCharacters {

    static final String MESSAGE = "Value error, text must not contain the NUL character (U+0000)";
    private static final char NUL = '\u0000';

    private NulCharacters() {
    }

    /** Throws a 422 listing every member name and string of {@code node} (found at {@code loc}) holding a NUL. */
    static void requireNone(JsonNode node, List<Object> loc) {
        List<ValidationError> errors = new ArrayList<>();
        collect(node, loc, errors);
        if (!errors.isEmpty()) {
            throw new ApiException.Invalid(errors);
        }
    }

    private static void collect(JsonNode node, List<Object> loc, List<ValidationError> errors) {
        if (node.isTextual() && node.textValue().indexOf(NUL) >= 0) {
            errors.add(error(loc));
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                List<Object> memberLoc = BodyReader.at(loc, member.getKey());
                if (member.getKey().indexOf(NUL) >= 0) {
                    errors.add(error(memberLoc));
                }
                collect(member.getValue(), memberLoc, errors);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), BodyReader.at(loc, i), errors);
            }
        }
    }

    private static ValidationError error(List<Object> loc) {
        return new ValidationError("value_error", loc, MESSAGE, null, Map.of("error", "NUL character in text"));
    }
}
