package dev.gatehouse.ports.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A named pointer of a variable (such as {@code production}) that rollouts give weights to.
 *
 * @param updatedAt when the label was last pointed at its current target
 * @param updatedBy the credential that did so, or null for an operator
 */
public record VariableLabel(String name, LabelTarget target, Instant updatedAt, CredentialId updatedBy) {

    public VariableLabel {
        VariableRules.requireValidLabel("labels", name);
        Objects.requireNonNull(target, "target");
        updatedAt = Timestamps.micros(Objects.requireNonNull(updatedAt, "updatedAt"));
    }
}
