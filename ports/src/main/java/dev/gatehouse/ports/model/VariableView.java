package dev.gatehouse.ports.model;

import java.util.Map;
import java.util.Objects;

/**
 * A variable with the names of the credentials that created, updated, labelled and versioned it.
 *
 * @param actorNames the name of each API key mentioned by the variable, its labels or its versions
 */
public record VariableView(Variable variable, Map<CredentialId, String> actorNames) {

    public VariableView {
        Objects.requireNonNull(variable, "variable");
        actorNames = Map.copyOf(actorNames);
    }

    /** The name of the API key {@code actor}, or null for an operator (null) or a key that no longer exists. */
    public String nameOf(CredentialId actor) {
        return actor == null ? null : actorNames.get(actor);
    }
}
