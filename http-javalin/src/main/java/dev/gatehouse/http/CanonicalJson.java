package dev.gatehouse.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The canonical text of free-form JSON the ports keep as text (a dashboard definition, a JSON schema, a condition's
 * value): compact, with every object's keys sorted, so that equal values have equal text. Thread-safe.
 */
final class CanonicalJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
            .build();

    private CanonicalJson() {
    }

    /** The canonical text of {@code node}. */
    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree does not serialise", e);
        }
    }

    /** The tree of canonical text this class wrote, or null for null; stored text that does not parse is a bug. */
    static JsonNode read(String text) {
        if (text == null) {
            return null;
        }
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON text does not parse", e);
        }
    }
}
