package dev.gatehouse.http;

import static dev.gatehouse.http.SchemaNodes.any;
import static dev.gatehouse.http.SchemaNodes.anyOf;
import static dev.gatehouse.http.SchemaNodes.array;
import static dev.gatehouse.http.SchemaNodes.bool;
import static dev.gatehouse.http.SchemaNodes.constant;
import static dev.gatehouse.http.SchemaNodes.dateTime;
import static dev.gatehouse.http.SchemaNodes.describe;
import static dev.gatehouse.http.SchemaNodes.discriminated;
import static dev.gatehouse.http.SchemaNodes.enumOf;
import static dev.gatehouse.http.SchemaNodes.integer;
import static dev.gatehouse.http.SchemaNodes.mapOf;
import static dev.gatehouse.http.SchemaNodes.nullable;
import static dev.gatehouse.http.SchemaNodes.number;
import static dev.gatehouse.http.SchemaNodes.object;
import static dev.gatehouse.http.SchemaNodes.optional;
import static dev.gatehouse.http.SchemaNodes.ref;
import static dev.gatehouse.http.SchemaNodes.required;
import static dev.gatehouse.http.SchemaNodes.string;
import static dev.gatehouse.http.SchemaNodes.type;
import static dev.gatehouse.http.SchemaNodes.uuid;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.ports.model.ConditionKind;
import dev.gatehouse.ports.model.VariableRules;
import java.util.Arrays;
import java.util.Map;

/** The component schemas of the variable bodies: management requests and responses, and the SDK's configuration. */
final class VariableSchemas {

    private static final String[][] CONDITIONS = {
        {"value-equals", "ValueEquals", "value"},
        {"value-does-not-equal", "ValueDoesNotEqual", "value"},
        {"value-is-in", "ValueIsIn", "values"},
        {"value-is-not-in", "ValueIsNotIn", "values"},
        {"value-matches-regex", "ValueMatchesRegex", "pattern"},
        {"value-does-not-match-regex", "ValueDoesNotMatchRegex", "pattern"},
        {"key-is-present", "KeyIsPresent", null},
        {"key-is-not-present", "KeyIsNotPresent", null},
    };

    private VariableSchemas() {
    }

    /** Adds every variable schema to {@code schemas}. */
    static void addTo(Map<String, ObjectNode> schemas) {
        ObjectNode weight = describe(number().put("minimum", 0).put("maximum", 1),
                "A probability; a rollout's label weights plus latest_weight sum to at most 1, the rest resolving to"
                        + " the code default.");
        ObjectNode labelName = string().put("minLength", 1).put("maxLength", VariableRules.LABEL_MAX_LENGTH);
        schemas.put("VariableDefinitionCreateRequest", object(requestFields(true)));
        schemas.put("VariableDefinitionUpdateRequest", describe(object(requestFields(false)),
                "A partial update: an absent field is unchanged, null clears a nullable one; labels replace the"
                        + " whole set of labels, and versions are never removed."));
        schemas.put("RolloutData", object(
                required("labels", mapOf(weight.deepCopy())),
                optional("latest_weight", weight.deepCopy())));
        schemas.put("OverrideData", object(
                optional("name", nullable(string())),
                optional("description", nullable(string())),
                required("conditions", array(ref("ConditionData"))),
                required("rollout", ref("RolloutData"))));
        String[] kinds = Arrays.stream(ConditionKind.values()).map(ConditionKind::wireName).toArray(String[]::new);
        schemas.put("ConditionData", describe(object(
                        required("kind", enumOf(kinds)),
                        required("attribute", string()),
                        optional("value", any()),
                        optional("values", array(any())),
                        optional("pattern", string().put("format", "regex"))),
                "A targeting condition: value for the (in)equality kinds, a non-empty values list for value-is-in"
                        + " (values for value-is-not-in), a pattern that compiles for the regex kinds."));
        schemas.put("VersionLabelData", describe(object(
                        required("target_type", constant("version")),
                        required("serialized_value", string()),
                        optional("version", integer().put("minimum", 1))),
                "Points the label at the version holding serialized_value, adding one after the latest if none"
                        + " does; a version number, if given, must be that version's."));
        schemas.put("LatestLabelData", object(required("target_type", constant("latest"))));
        schemas.put("CodeDefaultLabelData", object(required("target_type", constant("code_default"))));
        schemas.put("LabelRefLabelData", object(
                required("target_type", constant("label")),
                required("target_label", labelName.deepCopy())));
        schemas.put("LabelData", discriminated("target_type", "version", "VersionLabelData", "latest",
                "LatestLabelData", "code_default", "CodeDefaultLabelData", "label", "LabelRefLabelData"));
        schemas.put("VariableDefinitionRead", object(
                required("id", uuid()),
                required("project_id", uuid()),
                required("type_id", nullable(uuid())),
                required("type_name", nullable(string())),
                required("kind", enumOf("general", "prompt")),
                required("name", string()),
                required("display_name", nullable(string())),
                required("prompt_slug", nullable(string())),
                required("description", nullable(string())),
                required("json_schema", nullable(type("object"))),
                required("template_inputs_schema", nullable(type("object"))),
                required("labels", mapOf(ref("LabelRead"))),
                required("latest_version", nullable(ref("VersionRead"))),
                required("rollout", ref("RolloutData")),
                required("overrides", array(ref("OverrideData"))),
                required("aliases", nullable(array(string()))),
                required("example", nullable(string())),
                required("external", bool()),
                required("created_at", dateTime()),
                required("updated_at", dateTime()),
                required("created_by_name", nullable(string())),
                required("updated_by_name", nullable(string()))));
        schemas.put("LabelRead", object(
                required("id", uuid()),
                required("variable_definition_id", uuid()),
                required("label", string()),
                required("target_type", enumOf("version", "latest", "code_default", "label")),
                required("target_label", nullable(string())),
                required("version_id", nullable(uuid())),
                required("version_number", nullable(integer())),
                required("serialized_value", nullable(string())),
                required("updated_at", dateTime()),
                required("updated_by", nullable(uuid())),
                required("updated_by_name", nullable(string()))));
        schemas.put("VersionRead", object(
                required("id", uuid()),
                required("variable_definition_id", uuid()),
                required("version", integer()),
                required("serialized_value", string()),
                required("description", nullable(string())),
                required("created_at", dateTime()),
                required("created_by", nullable(uuid())),
                required("created_by_name", nullable(string()))));
        schemas.put("VariablesConfig", object(required("variables", mapOf(ref("VariableConfig")))));
        schemas.put("VariableConfig", describe(object(
                        required("name", string()),
                        optional("kind", enumOf("general", "prompt").put("default", "general")),
                        required("labels", mapOf(anyOf(ref("LabeledValue"), ref("LabelRef")))),
                        optional("latest_version", nullable(ref("LatestVersion"))),
                        required("rollout", ref("Rollout")),
                        required("overrides", array(ref("RolloutOverride"))),
                        optional("description", nullable(string())),
                        optional("json_schema", nullable(type("object"))),
                        optional("template_inputs_schema", nullable(type("object"))),
                        optional("type_name", nullable(string())),
                        optional("aliases", nullable(array(string()))),
                        optional("example", nullable(string())),
                        optional("display_name", nullable(string())),
                        optional("prompt_slug", nullable(string()))),
                "A variable as the SDK reads it. A latest_weight appears as the weight of a label 'latest' that"
                        + " refers to the latest version."));
        schemas.put("LabeledValue", object(
                required("version", integer()),
                required("serialized_value", string())));
        schemas.put("LabelRef", object(
                optional("version", nullable(integer())),
                required("ref", string())));
        schemas.put("LatestVersion", object(
                required("version", integer()),
                required("serialized_value", string())));
        schemas.put("Rollout", object(required("labels", mapOf(weight.deepCopy()))));
        String[] tagsAndSchemas = new String[CONDITIONS.length * 2];
        for (int i = 0; i < CONDITIONS.length; i++) {
            tagsAndSchemas[2 * i] = CONDITIONS[i][0];
            tagsAndSchemas[2 * i + 1] = CONDITIONS[i][1];
            schemas.put(CONDITIONS[i][1], condition(CONDITIONS[i][0], CONDITIONS[i][2]));
        }
        schemas.put("RolloutOverride", object(
                required("conditions", array(discriminated("kind", tagsAndSchemas))),
                required("rollout", ref("Rollout"))));
    }

    private static ObjectNode condition(String kind, String operand) {
        ObjectNode operandSchema = operand == null ? null : switch (operand) {
            case "value" -> any();
            case "values" -> array(any());
            default -> string().put("format", "regex");
        };
        return operand == null
                ? object(required("attribute", string()), required("kind", constant(kind)))
                : object(required("attribute", string()), required(operand, operandSchema),
                        required("kind", constant(kind)));
    }

    private static SchemaNodes.Property[] requestFields(boolean create) {
        ObjectNode name = string()
                .put("maxLength", VariableRules.NAME_MAX_LENGTH)
                .put("pattern", VariableRules.NAME_PATTERN.pattern());
        ObjectNode description = nullable(string().put("maxLength", VariableRules.DESCRIPTION_MAX_LENGTH));
        ObjectNode schema = nullable(type("object"));
        ObjectNode typeId = describe(nullable(uuid()), "Must be null: this installation keeps no variable types.");
        ObjectNode labels = mapOf(ref("LabelData"));
        if (create) {
            return new SchemaNodes.Property[] {
                required("name", name),
                required("description", description),
                required("json_schema", schema),
                optional("template_inputs_schema", schema.deepCopy()),
                optional("type_id", typeId),
                required("rollout", ref("RolloutData")),
                required("overrides", array(ref("OverrideData"))),
                optional("aliases", array(string())),
                optional("example", nullable(string())),
                optional("external", bool().put("default", false)),
                optional("labels", labels),
            };
        }
        return new SchemaNodes.Property[] {
            optional("name", name),
            optional("description", description),
            optional("json_schema", schema),
            optional("template_inputs_schema", schema.deepCopy()),
            optional("type_id", typeId),
            optional("rollout", ref("RolloutData")),
            optional("overrides", array(ref("OverrideData"))),
            optional("aliases", nullable(array(string()))),
            optional("example", nullable(string())),
            optional("external", bool()),
            optional("labels", labels),
        };
    }
}
