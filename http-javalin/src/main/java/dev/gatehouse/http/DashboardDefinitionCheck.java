package dev.gatehouse.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a dashboard definition against the reference's Perses-style {@code DashboardCreate} schema, field by field,
 * collecting every error with its {@code loc} as pydantic would, then checks what the schema cannot say: each grid
 * item's {@code $ref} names a panel of {@code spec.panels}, and variable names are unique. A valid definition gets
 * the reference's defaults ({@code variables: []}, {@code duration: "1h"}, {@code refreshInterval: "0s"}). Not
 * thread-safe: one per request.
 */
final class DashboardDefinitionCheck {

    /** The reference's pattern for {@code duration} and {@code refreshInterval}, such as {@code 1h30m} or {@code 0}. */
    static final Pattern DURATION = Pattern.compile(
            "^((([0-9]+)y)?(([0-9]+)w)?(([0-9]+)d)?(([0-9]+)h)?(([0-9]+)m)?(([0-9]+)s)?(([0-9]+)ms)?|0)$");

    /** How a grid item refers to a panel: this prefix, then the panel's key in {@code spec.panels}. */
    static final String PANEL_REFERENCE = "#/spec/panels/";

    private static final List<String> VARIABLE_KINDS = List.of("TextVariable", "ListVariable");

    private final List<ValidationError> errors;

    private DashboardDefinitionCheck(List<ValidationError> errors) {
        this.errors = errors;
    }

    /**
     * Checks {@code definition}, found at {@code loc}, adding every error to {@code errors}; returns the definition
     * with its defaults filled in, or null if it has errors.
     */
    static ObjectNode check(JsonNode definition, List<Object> loc, List<ValidationError> errors) {
        int before = errors.size();
        DashboardDefinitionCheck check = new DashboardDefinitionCheck(errors);
        ObjectNode root = check.dashboard(definition, loc);
        return errors.size() == before ? root : null;
    }

    private ObjectNode dashboard(JsonNode node, List<Object> loc) {
        ObjectNode root = object(node, loc);
        if (root == null) {
            return null;
        }
        literal(root, "kind", "Dashboard", loc);
        ObjectNode metadata = object(required(root, "metadata", loc), at(loc, "metadata"));
        if (metadata != null) {
            requiredString(metadata, "name", at(loc, "metadata"));
            requiredString(metadata, "project", at(loc, "metadata"));
        }
        spec(required(root, "spec", loc), at(loc, "spec"));
        return root;
    }

    private void spec(JsonNode node, List<Object> loc) {
        ObjectNode spec = object(node, loc);
        if (spec == null) {
            return;
        }
        JsonNode display = required(spec, "display", loc);
        if (display != null && !display.isNull()) {
            display(display, at(loc, "display"));
        }
        JsonNode datasources = spec.get("datasources");
        if (datasources != null) {
            ObjectNode byName = object(datasources, at(loc, "datasources"));
            if (byName != null) {
                for (Map.Entry<String, JsonNode> entry : byName.properties()) {
                    datasource(entry.getValue(), at(loc, "datasources", entry.getKey()));
                }
            }
        }
        int errorsBeforeVariables = errors.size();
        variables(spec.get("variables"), at(loc, "variables"));
        if (errors.size() == errorsBeforeVariables) {
            uniqueVariableNames(spec.get("variables"), at(loc, "variables"));
        }
        JsonNode panels = required(spec, "panels", loc);
        Set<String> panelKeys = null;
        if (panels != null && !panels.isNull()) {
            ObjectNode byKey = object(panels, at(loc, "panels"));
            if (byKey != null) {
                panelKeys = new HashSet<>();
                for (Map.Entry<String, JsonNode> entry : byKey.properties()) {
                    panel(entry.getValue(), at(loc, "panels", entry.getKey()));
                    panelKeys.add(entry.getKey());
                }
            }
        } else if (panels != null) {
            panelKeys = Set.of();
        }
        JsonNode layouts = required(spec, "layouts", loc);
        if (layouts != null && array(layouts, at(loc, "layouts"))) {
            for (int i = 0; i < layouts.size(); i++) {
                layout(layouts.get(i), at(loc, "layouts", i), panelKeys);
            }
        }
        duration(spec, "duration", loc, true);
        duration(spec, "refreshInterval", loc, false);
        if (!spec.has("variables")) {
            spec.putArray("variables");
        }
        if (!spec.has("duration")) {
            spec.put("duration", "1h");
        }
        if (!spec.has("refreshInterval")) {
            spec.put("refreshInterval", "0s");
        }
    }

    private void display(JsonNode node, List<Object> loc) {
        ObjectNode display = object(node, loc);
        if (display != null) {
            JsonNode name = required(display, "name", loc);
            if (name != null && !name.isNull()) {
                string(name, at(loc, "name"));
            }
            optionalNullableString(display, "description", loc);
        }
    }

    private void datasource(JsonNode node, List<Object> loc) {
        ObjectNode datasource = object(node, loc);
        if (datasource == null) {
            return;
        }
        JsonNode display = required(datasource, "display", loc);
        if (display != null && !display.isNull()) {
            display(display, at(loc, "display"));
        }
        optionalBoolean(datasource, "default", loc);
        plugin(required(datasource, "plugin", loc), at(loc, "plugin"));
    }

    private void plugin(JsonNode node, List<Object> loc) {
        ObjectNode plugin = object(node, loc);
        if (plugin == null) {
            return;
        }
        String kind = requiredString(plugin, "kind", loc);
        if (kind != null && kind.isEmpty()) {
            errors.add(new ValidationError("string_too_short", at(loc, "kind"),
                    "String should have at least 1 character", plugin.get("kind"), Map.of("min_length", 1)));
        }
        required(plugin, "spec", loc);
    }

    private void variables(JsonNode node, List<Object> loc) {
        if (node == null || !array(node, loc)) {
            return;
        }
        for (int i = 0; i < node.size(); i++) {
            variable(node.get(i), at(loc, i));
        }
    }

    private void variable(JsonNode node, List<Object> loc) {
        ObjectNode variable = object(node, loc);
        if (variable == null) {
            return;
        }
        JsonNode kind = variable.get("kind");
        if (kind == null) {
            errors.add(new ValidationError("union_tag_not_found", loc,
                    "Unable to extract tag using discriminator 'kind'", variable, Map.of("discriminator", "'kind'")));
            return;
        }
        if (!kind.isTextual() || !VARIABLE_KINDS.contains(kind.textValue())) {
            String tag = PythonText.str(kind);
            errors.add(new ValidationError("union_tag_invalid", loc, "Input tag '" + tag
                    + "' found using 'kind' does not match any of the expected tags: 'TextVariable', 'ListVariable'",
                    variable, Map.of("discriminator", "'kind'", "tag", tag,
                            "expected_tags", "'TextVariable', 'ListVariable'")));
            return;
        }
        List<Object> tagged = at(loc, kind.textValue());
        ObjectNode spec = object(required(variable, "spec", tagged), at(tagged, "spec"));
        if (spec == null) {
            return;
        }
        List<Object> specLoc = at(tagged, "spec");
        requiredString(spec, "name", specLoc);
        JsonNode display = spec.get("display");
        if (display != null) {
            ObjectNode variableDisplay = object(display, at(specLoc, "display"));
            if (variableDisplay != null) {
                optionalString(variableDisplay, "name", at(specLoc, "display"));
                optionalString(variableDisplay, "description", at(specLoc, "display"));
                optionalBoolean(variableDisplay, "hidden", at(specLoc, "display"));
            }
        }
        if (kind.textValue().equals("TextVariable")) {
            requiredString(spec, "value", specLoc);
            optionalBoolean(spec, "constant", specLoc);
            return;
        }
        JsonNode defaultValue = spec.get("defaultValue");
        if (defaultValue != null && !defaultValue.isNull() && !defaultValue.isTextual()) {
            if (defaultValue.isArray()) {
                for (int i = 0; i < defaultValue.size(); i++) {
                    string(defaultValue.get(i), at(specLoc, "defaultValue", "list[str]", i));
                }
            } else {
                errors.add(ValidationError.of("string_type", at(specLoc, "defaultValue", "str"),
                        "Input should be a valid string", defaultValue));
            }
        }
        requiredBoolean(spec, "allowMultiple", specLoc);
        requiredBoolean(spec, "allowAllValue", specLoc);
        optionalString(spec, "customAllValue", specLoc);
        optionalString(spec, "capturingRegexp", specLoc);
        optionalString(spec, "sort", specLoc);
        plugin(required(spec, "plugin", specLoc), at(specLoc, "plugin"));
    }

    private void uniqueVariableNames(JsonNode variables, List<Object> loc) {
        if (variables == null) {
            return;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < variables.size(); i++) {
            String name = variables.get(i).get("spec").get("name").textValue();
            if (!names.add(name)) {
                errors.add(ValidationError.of("value_error", at(loc, i, variables.get(i).get("kind").textValue(),
                        "spec", "name"), "Value error, variable name '" + name + "' is used more than once", name));
            }
        }
    }

    private void panel(JsonNode node, List<Object> loc) {
        ObjectNode panel = object(node, loc);
        if (panel == null) {
            return;
        }
        literal(panel, "kind", "Panel", loc);
        ObjectNode spec = object(required(panel, "spec", loc), at(loc, "spec"));
        if (spec == null) {
            return;
        }
        List<Object> specLoc = at(loc, "spec");
        ObjectNode display = object(required(spec, "display", specLoc), at(specLoc, "display"));
        if (display != null) {
            requiredString(display, "name", at(specLoc, "display"));
            optionalString(display, "description", at(specLoc, "display"));
        }
        plugin(required(spec, "plugin", specLoc), at(specLoc, "plugin"));
        JsonNode queries = spec.get("queries");
        if (queries != null && array(queries, at(specLoc, "queries"))) {
            for (int i = 0; i < queries.size(); i++) {
                ObjectNode query = object(queries.get(i), at(specLoc, "queries", i));
                if (query != null) {
                    requiredString(query, "kind", at(specLoc, "queries", i));
                    required(query, "spec", at(specLoc, "queries", i));
                }
            }
        }
        JsonNode links = spec.get("links");
        if (links != null && array(links, at(specLoc, "links"))) {
            for (int i = 0; i < links.size(); i++) {
                ObjectNode link = object(links.get(i), at(specLoc, "links", i));
                if (link != null) {
                    List<Object> linkLoc = at(specLoc, "links", i);
                    optionalString(link, "name", linkLoc);
                    optionalString(link, "url", linkLoc);
                    optionalString(link, "tooltip", linkLoc);
                    optionalBoolean(link, "renderVariables", linkLoc);
                    optionalBoolean(link, "targetBlank", linkLoc);
                }
            }
        }
        variables(spec.get("variables"), at(specLoc, "variables"));
    }

    private void layout(JsonNode node, List<Object> loc, Set<String> panelKeys) {
        ObjectNode layout = object(node, loc);
        if (layout == null) {
            return;
        }
        literal(layout, "kind", "Grid", loc);
        ObjectNode spec = object(required(layout, "spec", loc), at(loc, "spec"));
        if (spec == null) {
            return;
        }
        List<Object> specLoc = at(loc, "spec");
        JsonNode display = spec.get("display");
        if (display != null) {
            ObjectNode gridDisplay = object(display, at(specLoc, "display"));
            if (gridDisplay != null) {
                optionalString(gridDisplay, "title", at(specLoc, "display"));
                JsonNode collapse = gridDisplay.get("collapse");
                if (collapse != null) {
                    ObjectNode collapseObject = object(collapse, at(specLoc, "display", "collapse"));
                    if (collapseObject != null) {
                        requiredBoolean(collapseObject, "open", at(specLoc, "display", "collapse"));
                    }
                }
            }
        }
        JsonNode items = required(spec, "items", specLoc);
        if (items == null || !array(items, at(specLoc, "items"))) {
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            List<Object> itemLoc = at(specLoc, "items", i);
            ObjectNode item = object(items.get(i), itemLoc);
            if (item == null) {
                continue;
            }
            for (String coordinate : List.of("x", "y", "width", "height")) {
                requiredInteger(item, coordinate, itemLoc);
            }
            ObjectNode content = object(required(item, "content", itemLoc), at(itemLoc, "content"));
            if (content == null) {
                continue;
            }
            String reference = requiredString(content, "$ref", at(itemLoc, "content"));
            if (reference != null && panelKeys != null) {
                panelReference(reference, panelKeys, at(itemLoc, "content", "$ref"));
            }
        }
    }

    private void panelReference(String reference, Set<String> panelKeys, List<Object> loc) {
        String key = reference.startsWith(PANEL_REFERENCE) ? reference.substring(PANEL_REFERENCE.length()) : null;
        if (key == null || !panelKeys.contains(key)) {
            errors.add(new ValidationError("value_error", loc, "Value error, '" + reference
                    + "' does not refer to a panel: expected '" + PANEL_REFERENCE + "<key>' naming one of spec.panels",
                    reference, Map.of("error", "unknown panel reference")));
        }
    }

    private void duration(ObjectNode spec, String field, List<Object> loc, boolean nullable) {
        JsonNode value = spec.get(field);
        if (value == null || (nullable && value.isNull())) {
            return;
        }
        if (!value.isTextual()) {
            errors.add(ValidationError.of("string_type", at(loc, field), "Input should be a valid string", value));
        } else if (!DURATION.matcher(value.textValue()).matches()) {
            errors.add(new ValidationError("string_pattern_mismatch", at(loc, field),
                    "String should match pattern '" + DURATION.pattern() + "'", value,
                    Map.of("pattern", DURATION.pattern())));
        }
    }

    private ObjectNode object(JsonNode node, List<Object> loc) {
        if (node == null) {
            return null;
        }
        if (!(node instanceof ObjectNode object)) {
            errors.add(ValidationError.of("model_attributes_type", loc,
                    "Input should be a valid dictionary or object to extract fields from", node));
            return null;
        }
        return object;
    }

    private boolean array(JsonNode node, List<Object> loc) {
        if (!node.isArray()) {
            errors.add(ValidationError.of("list_type", loc, "Input should be a valid list", node));
            return false;
        }
        return true;
    }

    /** The field's value, or null after recording it as missing. */
    private JsonNode required(ObjectNode parent, String field, List<Object> loc) {
        JsonNode value = parent.get(field);
        if (value == null) {
            errors.add(ValidationError.of("missing", at(loc, field), "Field required", parent));
        }
        return value;
    }

    private void literal(ObjectNode parent, String field, String expected, List<Object> loc) {
        JsonNode value = required(parent, field, loc);
        if (value != null && !(value.isTextual() && value.textValue().equals(expected))) {
            errors.add(new ValidationError("literal_error", at(loc, field), "Input should be '" + expected + "'",
                    value, Map.of("expected", "'" + expected + "'")));
        }
    }

    private String requiredString(ObjectNode parent, String field, List<Object> loc) {
        JsonNode value = required(parent, field, loc);
        return value == null ? null : string(value, at(loc, field));
    }

    private void optionalString(ObjectNode parent, String field, List<Object> loc) {
        JsonNode value = parent.get(field);
        if (value != null) {
            string(value, at(loc, field));
        }
    }

    private void optionalNullableString(ObjectNode parent, String field, List<Object> loc) {
        JsonNode value = parent.get(field);
        if (value != null && !value.isNull()) {
            string(value, at(loc, field));
        }
    }

    private String string(JsonNode value, List<Object> loc) {
        if (!value.isTextual()) {
            errors.add(ValidationError.of("string_type", loc, "Input should be a valid string", value));
            return null;
        }
        return value.textValue();
    }

    private void requiredBoolean(ObjectNode parent, String field, List<Object> loc) {
        JsonNode value = required(parent, field, loc);
        if (value != null) {
            bool(value, at(loc, field));
        }
    }

    private void optionalBoolean(ObjectNode parent, String field, List<Object> loc) {
        JsonNode value = parent.get(field);
        if (value != null) {
            bool(value, at(loc, field));
        }
    }

    private void bool(JsonNode value, List<Object> loc) {
        if (!value.isBoolean()) {
            errors.add(ValidationError.of("bool_type", loc, "Input should be a valid boolean", value));
        }
    }

    /** A required whole number, written back as one (pydantic reads {@code 3.0} as 3). */
    private void requiredInteger(ObjectNode parent, String field, List<Object> loc) {
        JsonNode value = required(parent, field, loc);
        Long number = value == null ? null : IntegerInput.read(value, at(loc, field), errors);
        if (number != null) {
            parent.put(field, number.longValue());
        }
    }

    private static List<Object> at(List<Object> loc, Object... more) {
        List<Object> extended = new ArrayList<>(loc);
        extended.addAll(List.of(more));
        return extended;
    }
}
