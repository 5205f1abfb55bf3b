package dev.gatehouse.ports.model;

import java.util.List;
import java.util.Objects;

/**
 * A rollout that replaces a variable's default rollout where every one of its conditions holds; a variable's
 * overrides are tried in order and the first that matches applies.
 *
 * @param name an optional display name
 * @param description an optional description
 */
public record RolloutOverride(String name, String description, List<Condition> conditions, Rollout rollout) {

    public RolloutOverride {
        if (conditions == null) {
            throw new InvalidInputException("conditions", "missing", "Field required");
        }
        conditions = List.copyOf(conditions);
        if (rollout == null) {
            throw new InvalidInputException("rollout", "missing", "Field required");
        }
    }

    /** An unnamed override applying {@code rollout} where all {@code conditions} hold. */
    public static RolloutOverride of(List<Condition> conditions, Rollout rollout) {
        return new RolloutOverride(null, null, conditions, Objects.requireNonNull(rollout, "rollout"));
    }
}
