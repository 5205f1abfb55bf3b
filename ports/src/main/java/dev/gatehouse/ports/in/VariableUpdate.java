package dev.gatehouse.ports.in;

import dev.gatehouse.ports.model.Change;
import dev.gatehouse.ports.model.InvalidInputException;
import dev.gatehouse.ports.model.Rollout;
import dev.gatehouse.ports.model.RolloutOverride;
import dev.gatehouse.ports.model.VariableRules;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A partial update of a managed variable: each field is kept or set. The description, the schemas, the aliases and
 * the example may be cleared (set to null); the others may not. Setting {@code labels} replaces the whole set of
 * labels; versions are never removed.
 */
public record VariableUpdate(
        Change<String> name,
        Change<String> description,
        Change<String> jsonSchema,
        Change<String> templateInputsSchema,
        Change<Rollout> rollout,
        Change<List<RolloutOverride>> overrides,
        Change<List<String>> aliases,
        Change<String> example,
        Change<Boolean> external,
        Change<Map<String, LabelAssignment>> labels) {

    public VariableUpdate {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(jsonSchema, "jsonSchema");
        Objects.requireNonNull(templateInputsSchema, "templateInputsSchema");
        Objects.requireNonNull(aliases, "aliases");
        Objects.requireNonNull(example, "example");
        if (requireNotCleared(name, "name") instanceof Change.SetTo<String> set) {
            VariableRules.requireValidName("name", set.value());
        }
        if (description instanceof Change.SetTo<String> set) {
            VariableRules.requireValidDescription(set.value());
        }
        requireNotCleared(rollout, "rollout");
        if (requireNotCleared(overrides, "overrides") instanceof Change.SetTo<List<RolloutOverride>> set) {
            overrides = Change.to(List.copyOf(set.value()));
        }
        if (aliases instanceof Change.SetTo<List<String>> set && set.value() != null) {
            aliases = Change.to(List.copyOf(set.value()));
        }
        requireNotCleared(external, "external");
        if (requireNotCleared(labels, "labels") instanceof Change.SetTo<Map<String, LabelAssignment>> set) {
            labels = Change.to(NewVariable.copyInOrder(set.value()));
        }
    }

    /** An update that changes nothing. */
    public static VariableUpdate none() {
        return new VariableUpdate(Change.keep(), Change.keep(), Change.keep(), Change.keep(), Change.keep(),
                Change.keep(), Change.keep(), Change.keep(), Change.keep(), Change.keep());
    }

    private static <T> Change<T> requireNotCleared(Change<T> change, String field) {
        Objects.requireNonNull(change, field);
        if (change instanceof Change.SetTo<T> set && set.value() == null) {
            throw new InvalidInputException(field, "missing", field + " cannot be null");
        }
        return change;
    }
}
