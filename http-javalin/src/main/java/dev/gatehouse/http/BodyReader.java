package dev.gatehouse.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.ports.model.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Reads nested request bodies against the reference's types at any depth, collecting every error with its full
 * {@code loc} as pydantic does, and attributes the port commands' own validation failures to the part of the body
 * they came from. {@link #validate()} throws them all as one 422. Not thread-safe: one per request.
 */
final class BodyReader {

    private final List<ValidationError> errors = new ArrayList<>();

    /** {@code loc} extended by {@code more}. */
    static List<Object> at(List<Object> loc, Object... more) {
        List<Object> extended = new ArrayList<>(loc);
        extended.addAll(List.of(more));
        return List.copyOf(extended);
    }

    /** The errors collected so far, for checks that add their own. */
    List<ValidationError> errors() {
        return errors;
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** The value of a required field of {@code parent} (found at {@code loc}), or null after recording it missing. */
    JsonNode required(ObjectNode parent, String field, List<Object> loc) {
        JsonNode value = parent.get(field);
        if (value == null) {
            errors.add(ValidationError.of("missing", at(loc, field), "Field required", parent));
        }
        return value;
    }

    /**
     * The canonical text of free-form JSON at {@code loc}, or null after recording a {@code finite_number} error at
     * each number in it too large for a double (such as {@code 1e999}), which would otherwise be kept as the string
     * {@code "Infinity"}.
     */
    String freeForm(JsonNode node, List<Object> loc) {
        int before = errors.size();
        collectNonFinite(node, loc);
        return errors.size() == before ? CanonicalJson.write(node) : null;
    }

    private void collectNonFinite(JsonNode node, List<Object> loc) {
        if (node.isNumber() && NumericInput.decimal(node) == null) {
            errors.add(ValidationError.of("finite_number", loc, "Input should be a finite number", node));
        } else if (node.isObject()) {
            node.properties().forEach(member -> collectNonFinite(member.getValue(), at(loc, member.getKey())));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectNonFinite(node.get(i), at(loc, i));
            }
        }
    }

    /** {@code node} as an object, or null after recording a type error; null stays null without an error. */
    ObjectNode object(JsonNode node, List<Object> loc) {
        if (node == null) {
            return null;
        }
        if (!(node instanceof ObjectNode object)) {
            errors.add(ValidationError.of("dict_type", loc, "Input should be a valid dictionary", node));
            return null;
        }
        return object;
    }

    /** Whether {@code node} is an array, recording a type error if it is not. */
    boolean array(JsonNode node, List<Object> loc) {
        if (!node.isArray()) {
            errors.add(ValidationError.of("list_type", loc, "Input should be a valid list", node));
            return false;
        }
        return true;
    }

    /** {@code node} as a string, or null after recording a type error. */
    String string(JsonNode node, List<Object> loc) {
        if (!node.isTextual()) {
            errors.add(ValidationError.of("string_type", loc, "Input should be a valid string", node));
            return null;
        }
        return node.textValue();
    }

    /** {@code node} as a string, null for JSON null, or null after recording a type error. */
    String nullableString(JsonNode node, List<Object> loc) {
        return node.isNull() ? null : string(node, loc);
    }

    /** {@code node} as a boolean, or null after recording a type error. */
    Boolean bool(JsonNode node, List<Object> loc) {
        if (!node.isBoolean()) {
            errors.add(ValidationError.of("bool_type", loc, "Input should be a valid boolean", node));
            return null;
        }
        return node.booleanValue();
    }

    /** {@code node} as a finite number, or null after recording a type error. */
    Double number(JsonNode node, List<Object> loc) {
        if (!node.isNumber() || !Double.isFinite(node.doubleValue())) {
            errors.add(ValidationError.of("float_type", loc, "Input should be a valid number", node));
            return null;
        }
        return node.doubleValue();
    }

    /** {@code node} as an integer without a fractional part, or null after recording a type error. */
    Long integer(JsonNode node, List<Object> loc) {
        return IntegerInput.read(node, loc, errors);
    }

    /**
     * Builds a port value, attributing a validation failure to the field it names below {@code loc}; returns null
     * after recording it.
     */
    <T> T build(List<Object> loc, JsonNode input, Supplier<T> construction) {
        try {
            return construction.get();
        } catch (InvalidInputException e) {
            JsonNode offending = input instanceof ObjectNode object && object.has(e.field()) ? object.get(e.field())
                    : input;
            errors.add(ValidationError.of(e.type(), at(loc, e.field()), e.getMessage(), offending));
            return null;
        }
    }

    /** Builds a port value, attributing a validation failure to {@code loc} itself; returns null after recording it. */
    <T> T buildAt(List<Object> loc, JsonNode input, Supplier<T> construction) {
        try {
            return construction.get();
        } catch (InvalidInputException e) {
            errors.add(ValidationError.of(e.type(), loc, e.getMessage(), input));
            return null;
        }
    }

    /** Throws every collected error as one 422; returns normally when there are none. */
    void validate() {
        if (!errors.isEmpty()) {
            throw new ApiException.Invalid(errors);
        }
    }
}
