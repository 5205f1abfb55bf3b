package dev.gatehouse.http;

import static dev.gatehouse.http.BodyReader.at;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.ports.in.LabelAssignment;
import dev.gatehouse.ports.in.NewVariable;
import dev.gatehouse.ports.in.VariableUpdate;
import dev.gatehouse.ports.model.Change;
import dev.gatehouse.ports.model.Characters;
import dev.gatehouse.ports.model.Condition;
import dev.gatehouse.ports.model.ConditionKind;
import dev.gatehouse.ports.model.Rollout;
import dev.gatehouse.ports.model.RolloutOverride;
import dev.gatehouse.ports.model.VariableRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads {@code VariableDefinitionCreateRequest} and {@code VariableDefinitionUpdateRequest} bodies into port commands,
 * reporting each bad part at its {@code loc}: weights outside [0, 1] at the label they weigh, weights summing above 1
 * at the rollout, conditions missing the field their kind needs, regular expressions that do not compile, empty
 * {@code value-is-in} lists, malformed label data. Not thread-safe: one per request.
 */
final class VariableBody {

    private static final List<Object> BODY = List.of("body");
    private static final String CONDITION_KINDS = Arrays.stream(ConditionKind.values())
            .map(kind -> "'" + kind.wireName() + "'")
            .collect(Collectors.joining(", "));

    private final ObjectNode body;
    private final BodyReader reader = new BodyReader();

    private VariableBody(ObjectNode body) {
        this.body = body;
    }

    /** The create command in {@code body}; throws a 422 naming every bad part. */
    static NewVariable create(ObjectNode body) {
        return new VariableBody(body).create();
    }

    /** The partial update in {@code body}: absent fields are kept, null clears the nullable ones. */
    static VariableUpdate update(ObjectNode body) {
        return new VariableBody(body).update();
    }

    private NewVariable create() {
        JsonNode nameNode = reader.required(body, "name", BODY);
        String name = nameNode == null ? null : reader.string(nameNode, at(BODY, "name"));
        JsonNode descriptionNode = reader.required(body, "description", BODY);
        String description = descriptionNode == null ? null
                : reader.nullableString(descriptionNode, at(BODY, "description"));
        JsonNode schemaNode = reader.required(body, "json_schema", BODY);
        String jsonSchema = schemaNode == null ? null : schema(schemaNode, at(BODY, "json_schema"));
        String templateSchema = body.has("template_inputs_schema")
                ? schema(body.get("template_inputs_schema"), at(BODY, "template_inputs_schema")) : null;
        typeId();
        JsonNode rolloutNode = reader.required(body, "rollout", BODY);
        Rollout rollout = rolloutNode == null ? null : rollout(rolloutNode, at(BODY, "rollout"));
        JsonNode overridesNode = reader.required(body, "overrides", BODY);
        List<RolloutOverride> overrides = overridesNode == null ? null
                : overrides(overridesNode, at(BODY, "overrides"));
        List<String> aliases = body.has("aliases") ? aliases(body.get("aliases"), false) : null;
        String example = body.has("example") ? reader.nullableString(body.get("example"), at(BODY, "example")) : null;
        Boolean external = body.has("external") ? reader.bool(body.get("external"), at(BODY, "external"))
                : Boolean.FALSE;
        Map<String, LabelAssignment> labels = body.has("labels") ? labels(body.get("labels")) : Map.of();
        if (description != null) {
            reader.buildAt(at(BODY, "description"), descriptionNode,
                    () -> VariableRules.requireValidDescription(description));
        }
        reader.validate();
        NewVariable command = reader.build(BODY, body, () -> new NewVariable(name, description, jsonSchema,
                templateSchema, rollout, overrides, aliases, example, external, labels));
        reader.validate();
        return command;
    }

    private VariableUpdate update() {
        Change<String> name = Change.keep();
        if (body.has("name")) {
            name = Change.to(reader.string(body.get("name"), at(BODY, "name")));
        }
        Change<String> description = body.has("description")
                ? Change.to(reader.nullableString(body.get("description"), at(BODY, "description"))) : Change.keep();
        Change<String> jsonSchema = body.has("json_schema")
                ? Change.to(schema(body.get("json_schema"), at(BODY, "json_schema"))) : Change.keep();
        Change<String> templateSchema = body.has("template_inputs_schema")
                ? Change.to(schema(body.get("template_inputs_schema"), at(BODY, "template_inputs_schema")))
                : Change.keep();
        typeId();
        Change<Rollout> rollout = body.has("rollout")
                ? Change.to(rollout(body.get("rollout"), at(BODY, "rollout"))) : Change.keep();
        Change<List<RolloutOverride>> overrides = body.has("overrides")
                ? Change.to(overrides(body.get("overrides"), at(BODY, "overrides"))) : Change.keep();
        Change<List<String>> aliases = body.has("aliases") ? Change.to(aliases(body.get("aliases"), true))
                : Change.keep();
        Change<String> example = body.has("example")
                ? Change.to(reader.nullableString(body.get("example"), at(BODY, "example"))) : Change.keep();
        Change<Boolean> external = body.has("external")
                ? Change.to(reader.bool(body.get("external"), at(BODY, "external"))) : Change.keep();
        Change<Map<String, LabelAssignment>> labels = body.has("labels") ? Change.to(labels(body.get("labels")))
                : Change.keep();
        reader.validate();
        Change<String> newName = name;
        VariableUpdate update = reader.build(BODY, body, () -> new VariableUpdate(newName, description, jsonSchema,
                templateSchema, rollout, overrides, aliases, example, external, labels));
        reader.validate();
        return update;
    }

    /** A JSON schema: an object kept as canonical text, or null. */
    private String schema(JsonNode node, List<Object> loc) {
        if (node.isNull()) {
            return null;
        }
        ObjectNode object = reader.object(node, loc);
        return object == null ? null : reader.freeForm(object, loc);
    }

    /** Variable types are not kept by this installation, so that any type id names one that does not exist. */
    private void typeId() {
        JsonNode typeId = body.get("type_id");
        if (typeId == null || typeId.isNull()) {
            return;
        }
        if (!typeId.isTextual() || PathIds.parseUuid(typeId.textValue()) == null) {
            reader.errors().add(typeId.isTextual() ? PathIds.uuidError(at(BODY, "type_id"), typeId.textValue())
                    : ValidationError.of("uuid_type", at(BODY, "type_id"),
                            "UUID input should be a string, bytes or UUID object", typeId));
            return;
        }
        reader.errors().add(ValidationError.of("value_error", at(BODY, "type_id"),
                "Value error, variable type " + typeId.textValue() + " does not exist: this installation keeps no"
                        + " variable types", typeId));
    }

    /** A RolloutData: each weight in [0, 1], reported at its label; a sum above 1 is reported at the rollout. */
    private Rollout rollout(JsonNode node, List<Object> loc) {
        ObjectNode object = reader.object(node, loc);
        if (object == null) {
            return null;
        }
        int before = reader.errors().size();
        Map<String, Double> weights = new LinkedHashMap<>();
        ObjectNode labels = reader.object(reader.required(object, "labels", loc), at(loc, "labels"));
        if (labels != null) {
            for (Map.Entry<String, JsonNode> entry : labels.properties()) {
                List<Object> weightLoc = at(loc, "labels", entry.getKey());
                Double weight = reader.number(entry.getValue(), weightLoc);
                if (weight != null && !Rollout.isValidWeight(weight)) {
                    reader.errors().add(new ValidationError("value_error", weightLoc,
                            "Value error, a weight must be between 0 and 1", entry.getValue(),
                            Map.of("error", "weights are probabilities")));
                } else if (entry.getKey().isEmpty()
                        || Characters.count(entry.getKey()) > VariableRules.LABEL_MAX_LENGTH) {
                    reader.errors().add(ValidationError.of("value_error", weightLoc,
                            "Value error, a label name must have 1 to " + VariableRules.LABEL_MAX_LENGTH
                                    + " characters", entry.getValue()));
                }
                weights.put(entry.getKey(), weight);
            }
        }
        Double latest = null;
        JsonNode latestNode = object.get("latest_weight");
        if (latestNode != null) {
            latest = reader.number(latestNode, at(loc, "latest_weight"));
            if (latest != null && !Rollout.isValidWeight(latest)) {
                reader.errors().add(new ValidationError("value_error", at(loc, "latest_weight"),
                        "Value error, a weight must be between 0 and 1", latestNode,
                        Map.of("error", "weights are probabilities")));
            }
        }
        if (reader.errors().size() > before) {
            return null;
        }
        Double latestWeight = latest;
        return reader.buildAt(loc, object, () -> new Rollout(weights, latestWeight));
    }

    private List<RolloutOverride> overrides(JsonNode node, List<Object> loc) {
        if (!reader.array(node, loc)) {
            return null;
        }
        List<RolloutOverride> overrides = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            overrides.add(override(node.get(i), at(loc, i)));
        }
        return overrides;
    }

    /** An OverrideData: optional name and description, required conditions and rollout. */
    private RolloutOverride override(JsonNode node, List<Object> loc) {
        ObjectNode object = reader.object(node, loc);
        if (object == null) {
            return null;
        }
        String name = object.has("name") ? reader.nullableString(object.get("name"), at(loc, "name")) : null;
        String description = object.has("description")
                ? reader.nullableString(object.get("description"), at(loc, "description")) : null;
        JsonNode conditionsNode = reader.required(object, "conditions", loc);
        List<Condition> conditions = new ArrayList<>();
        if (conditionsNode != null && reader.array(conditionsNode, at(loc, "conditions"))) {
            for (int i = 0; i < conditionsNode.size(); i++) {
                conditions.add(condition(conditionsNode.get(i), at(loc, "conditions", i)));
            }
        }
        JsonNode rolloutNode = reader.required(object, "rollout", loc);
        Rollout rollout = rolloutNode == null ? null : rollout(rolloutNode, at(loc, "rollout"));
        if (reader.hasErrors()) {
            return null;
        }
        return new RolloutOverride(name, description, conditions, rollout);
    }

    /** A condition: its kind, its attribute, and exactly the operand its kind needs. */
    private Condition condition(JsonNode node, List<Object> loc) {
        ObjectNode object = reader.object(node, loc);
        if (object == null) {
            return null;
        }
        JsonNode kindNode = reader.required(object, "kind", loc);
        ConditionKind kind = kindNode == null ? null : conditionKind(kindNode, at(loc, "kind"));
        JsonNode attributeNode = reader.required(object, "attribute", loc);
        String attribute = attributeNode == null ? null : reader.string(attributeNode, at(loc, "attribute"));
        if (kind == null) {
            return null;
        }
        String value = null;
        List<String> values = null;
        String pattern = null;
        switch (kind.operand()) {
            case VALUE -> {
                JsonNode valueNode = reader.required(object, "value", loc);
                value = valueNode == null ? null : reader.freeForm(valueNode, at(loc, "value"));
            }
            case VALUES -> {
                JsonNode valuesNode = reader.required(object, "values", loc);
                if (valuesNode != null && reader.array(valuesNode, at(loc, "values"))) {
                    values = new ArrayList<>();
                    for (int i = 0; i < valuesNode.size(); i++) {
                        values.add(reader.freeForm(valuesNode.get(i), at(loc, "values", i)));
                    }
                    if (values.contains(null)) {
                        values = null;
                    }
                }
            }
            case PATTERN -> {
                JsonNode patternNode = reader.required(object, "pattern", loc);
                pattern = patternNode == null ? null : reader.string(patternNode, at(loc, "pattern"));
            }
            case NONE -> {
            }
        }
        if (attribute == null || (kind.operand() == ConditionKind.Operand.VALUE && value == null)
                || (kind.operand() == ConditionKind.Operand.VALUES && values == null)
                || (kind.operand() == ConditionKind.Operand.PATTERN && pattern == null)) {
            return null;
        }
        String operandValue = value;
        List<String> operandValues = values;
        String operandPattern = pattern;
        return reader.build(loc, object,
                () -> new Condition(kind, attribute, operandValue, operandValues, operandPattern));
    }

    private ConditionKind conditionKind(JsonNode node, List<Object> loc) {
        if (node.isTextual()) {
            for (ConditionKind kind : ConditionKind.values()) {
                if (kind.wireName().equals(node.textValue())) {
                    return kind;
                }
            }
        }
        reader.errors().add(new ValidationError("enum", loc, "Input should be one of " + CONDITION_KINDS, node,
                Map.of("expected", CONDITION_KINDS)));
        return null;
    }

    /** A list of aliases, each a valid variable name; null only where {@code nullable}. */
    private List<String> aliases(JsonNode node, boolean nullable) {
        List<Object> loc = at(BODY, "aliases");
        if (node.isNull() && nullable) {
            return null;
        }
        if (!reader.array(node, loc)) {
            return null;
        }
        List<String> aliases = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            List<Object> itemLoc = at(loc, i);
            String alias = reader.string(node.get(i), itemLoc);
            if (alias != null) {
                reader.buildAt(itemLoc, node.get(i), () -> VariableRules.requireValidName("aliases", alias));
                aliases.add(alias);
            }
        }
        return aliases;
    }

    /** The labels object: each label's data, one of the reference's four label models (see {@link LabelDataUnion}). */
    private Map<String, LabelAssignment> labels(JsonNode node) {
        List<Object> loc = at(BODY, "labels");
        ObjectNode object = reader.object(node, loc);
        if (object == null) {
            return null;
        }
        Map<String, LabelAssignment> labels = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            List<Object> labelLoc = at(loc, entry.getKey());
            reader.buildAt(labelLoc, entry.getValue(), () -> VariableRules.requireValidLabel("labels", entry.getKey()));
            LabelAssignment assignment = LabelDataUnion.read(entry.getValue(), labelLoc, reader);
            if (assignment != null) {
                labels.put(entry.getKey(), assignment);
            }
        }
        return labels;
    }
}
