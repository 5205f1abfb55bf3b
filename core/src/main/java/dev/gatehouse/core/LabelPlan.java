package dev.gatehouse.core;

import dev.gatehouse.ports.in.LabelAssignment;
import dev.gatehouse.ports.model.CredentialId;
import dev.gatehouse.ports.model.InvalidInputException;
import dev.gatehouse.ports.model.LabelTarget;
import dev.gatehouse.ports.model.VariableLabel;
import dev.gatehouse.ports.model.VariableVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns label assignments into labels and versions: a label given a value points at the version holding exactly that
 * value, which is added after the latest if no version holds it yet. A label whose target does not change keeps the
 * stamp of its last change.
 */
record LabelPlan(List<VariableLabel> labels, List<VariableVersion> versions) {

    static LabelPlan apply(Map<String, LabelAssignment> assignments, List<VariableLabel> currentLabels,
            List<VariableVersion> currentVersions, CredentialId actor, Instant now) {
        List<VariableVersion> versions = new ArrayList<>(currentVersions);
        List<VariableLabel> labels = new ArrayList<>();
        assignments.forEach((name, assignment) -> {
            LabelTarget target = assignment instanceof LabelAssignment.Value value
                    ? new LabelTarget.Version(versionHolding(name, value, versions, actor, now))
                    : ((LabelAssignment.Target) assignment).target();
            VariableLabel unchanged = currentLabels.stream()
                    .filter(label -> label.name().equals(name) && label.target().equals(target))
                    .findFirst()
                    .orElse(null);
            labels.add(unchanged != null ? unchanged : new VariableLabel(name, target, now, actor));
        });
        return new LabelPlan(List.copyOf(labels), List.copyOf(versions));
    }

    private static int versionHolding(String label, LabelAssignment.Value value, List<VariableVersion> versions,
            CredentialId actor, Instant now) {
        VariableVersion holder = versions.stream()
                .filter(version -> version.serializedValue().equals(value.serializedValue()))
                .findFirst()
                .orElse(null);
        if (holder == null) {
            holder = new VariableVersion(versions.size() + 1, value.serializedValue(), now, actor);
            versions.add(holder);
        }
        if (value.expectedVersion() != null && value.expectedVersion() != holder.number()) {
            throw new InvalidInputException("labels", "value_error", "Label '" + label + "' gives version "
                    + value.expectedVersion() + ", but its value is held by version " + holder.number());
        }
        return holder.number();
    }
}
