package dev.gatehouse.ports.model;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a variable's resolutions are split between its labels: each label gets its weight, the latest version gets
 * {@code latestWeight}, and whatever the weights leave below 1 resolves to the application's code default.
 *
 * @param labels the weight of each label, each in [0, 1]; kept sorted by label name
 * @param latestWeight the weight of the latest version in [0, 1], or null for none
 */
public record Rollout(Map<String, Double> labels, Double latestWeight) {

    /** The tolerance of the sum rule, so that weights such as 0.1 + 0.2 + 0.7 are not refused for rounding. */
    private static final double TOLERANCE = 1e-9;

    public Rollout {
        if (labels == null) {
            throw new InvalidInputException("labels", "missing", "Field required");
        }
        double sum = 0;
        for (Map.Entry<String, Double> entry : labels.entrySet()) {
            if (entry.getKey() == null || entry.getKey().isEmpty()
                    || Characters.count(entry.getKey()) > VariableRules.LABEL_MAX_LENGTH) {
                throw new InvalidInputException("labels", "value_error",
                        "A label name must have 1 to " + VariableRules.LABEL_MAX_LENGTH + " characters");
            }
            requireWeight("labels", "The weight of label '" + entry.getKey() + "'", entry.getValue());
            sum += entry.getValue();
        }
        if (latestWeight != null) {
            requireWeight("latest_weight", "latest_weight", latestWeight);
            sum += latestWeight;
        }
        if (sum > 1 + TOLERANCE) {
            throw new InvalidInputException("labels", "value_error",
                    "The label weights plus latest_weight must not sum to more than 1, but sum to "
                            + Math.round(sum * 1e6) / 1e6);
        }
        labels = Collections.unmodifiableMap(new TreeMap<>(labels));
    }

    /** A rollout that gives every resolution the code default. */
    public static Rollout none() {
        return new Rollout(Map.of(), null);
    }

    /** Whether {@code weight} is a number a rollout accepts: finite and in [0, 1]. */
    public static boolean isValidWeight(Double weight) {
        return weight != null && Double.isFinite(weight) && weight >= 0 && weight <= 1;
    }

    private static void requireWeight(String field, String what, Double weight) {
        if (!isValidWeight(weight)) {
            throw new InvalidInputException(field, "value_error", what + " must be a number between 0 and 1");
        }
    }
}
