package dev.gatehouse.ports.in;

import dev.gatehouse.ports.model.InvalidInputException;
import dev.gatehouse.ports.model.Rollout;
import dev.gatehouse.ports.model.RolloutOverride;
import dev.gatehouse.ports.model.VariableRules;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command to create a managed variable.
 *
 * @param jsonSchema canonical JSON text of an object, or null
 * @param templateInputsSchema canonical JSON text of an object, or null
 * @param aliases other names for the variable, or null for none
 * @param labels where each label points, in the order new versions are numbered
 */
public record NewVariable(
        String name,
        String description,
        String jsonSchema,
        String templateInputsSchema,
        Rollout rollout,
        List<RolloutOverride> overrides,
        List<String> aliases,
        String example,
        boolean external,
        Map<String, LabelAssignment> labels) {

    public NewVariable {
        VariableRules.requireValidName("name", name);
        VariableRules.requireValidDescription(description);
        if (rollout == null) {
            throw new InvalidInputException("rollout", "missing", "Field required");
        }
        if (overrides == null) {
            throw new InvalidInputException("overrides", "missing", "Field required");
        }
        overrides = List.copyOf(overrides);
        aliases = aliases == null ? null : List.copyOf(aliases);
        labels = labels == null ? Map.of() : copyInOrder(labels);
    }

    /** A variable named {@code name} with no labels, versions, overrides or schema, rolled out to the code default. */
    public static NewVariable named(String name) {
        return new NewVariable(name, null, null, null, Rollout.none(), List.of(), null, null, false, Map.of());
    }

    static Map<String, LabelAssignment> copyInOrder(Map<String, LabelAssignment> labels) {
        Map<String, LabelAssignment> copy = new LinkedHashMap<>();
        labels.forEach((label, assignment) -> {
            VariableRules.requireValidLabel("labels", label);
            if (assignment == null) {
                throw new InvalidInputException("labels", "missing", "Label '" + label + "' has no target");
            }
            copy.put(label, assignment);
        });
        return Collections.unmodifiableMap(copy);
    }
}
