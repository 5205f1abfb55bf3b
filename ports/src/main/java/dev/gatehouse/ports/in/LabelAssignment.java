package dev.gatehouse.ports.in;

import dev.gatehouse.ports.model.LabelTarget;
import java.util.Objects;

/** Where a create or update command points one label of a variable. */
public sealed interface LabelAssignment {

    /**
     * At the version holding {@code serializedValue}: an existing version with exactly this value, else a new
     * version numbered after the latest.
     *
     * @param expectedVersion the number the caller expects that version to have, or null; another number is refused
     */
    record Value(String serializedValue, Integer expectedVersion) implements LabelAssignment {
        public Value {
            Objects.requireNonNull(serializedValue, "serializedValue");
        }
    }

    /** At {@code target}: an existing version, the latest version, the code default or another label. */
    record Target(LabelTarget target) implements LabelAssignment {
        public Target {
            Objects.requireNonNull(target, "target");
        }
    }
}
