package dev.gatehouse.ports.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A managed variable of a project: its numbered versions, the labels that point at them, and the rollout rules that
 * split resolutions between the labels. The name is unique in the project.
 *
 * <p>Invariants: versions are numbered 1, 2, ... without gaps; a label points at an existing version or at another
 * existing label, never in a cycle; every label a rollout weighs exists.
 *
 * @param jsonSchema the JSON schema of the values, as canonical JSON text of an object, or null
 * @param templateInputsSchema the JSON schema of the template inputs, as canonical JSON text of an object, or null
 * @param aliases other names that resolve to this variable, or null
 * @param example an example value as the application serialises it, or null
 * @param external whether clients outside the project's backend may resolve it
 * @param labels kept sorted by name
 * @param versions kept in order of their numbers
 * @param createdBy the credential that created it, or null for an operator
 * @param updatedBy the credential of the last update, or null for none or an operator
 */
public record Variable(
        VariableId id,
        ProjectId projectId,
        String name,
        String description,
        String jsonSchema,
        String templateInputsSchema,
        Rollout rollout,
        List<RolloutOverride> overrides,
        List<String> aliases,
        String example,
        boolean external,
        List<VariableLabel> labels,
        List<VariableVersion> versions,
        Instant createdAt,
        CredentialId createdBy,
        Instant updatedAt,
        CredentialId updatedBy) {

    public Variable {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(projectId, "projectId");
        VariableRules.requireValidName("name", name);
        VariableRules.requireValidDescription(description);
        VariableRules.requireObjectOrNull("json_schema", jsonSchema);
        VariableRules.requireObjectOrNull("template_inputs_schema", templateInputsSchema);
        if (rollout == null) {
            throw new InvalidInputException("rollout", "missing", "Field required");
        }
        if (overrides == null) {
            throw new InvalidInputException("overrides", "missing", "Field required");
        }
        overrides = List.copyOf(overrides);
        if (aliases != null) {
            aliases.forEach(alias -> VariableRules.requireValidName("aliases", alias));
            aliases = List.copyOf(aliases);
        }
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(versions, "versions");
        labels = labels.stream().sorted(Comparator.comparing(VariableLabel::name)).toList();
        versions = versions.stream().sorted(Comparator.comparingInt(VariableVersion::number)).toList();
        for (int i = 0; i < versions.size(); i++) {
            if (versions.get(i).number() != i + 1) {
                throw new IllegalArgumentException("versions are numbered 1, 2, ... without gaps");
            }
        }
        requireLabelsResolve(labels, versions.size());
        Set<String> labelNames = labels.stream().map(VariableLabel::name).collect(Collectors.toSet());
        requireWeighedLabelsExist("rollout", rollout, labelNames);
        for (RolloutOverride override : overrides) {
            requireWeighedLabelsExist("overrides", override.rollout(), labelNames);
        }
        createdAt = Timestamps.micros(Objects.requireNonNull(createdAt, "createdAt"));
        updatedAt = Timestamps.micros(Objects.requireNonNull(updatedAt, "updatedAt"));
    }

    /** The version with the highest number, if there is any. */
    public Optional<VariableVersion> latestVersion() {
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }

    /** The version numbered {@code number}, if it exists. */
    public Optional<VariableVersion> version(int number) {
        return number >= 1 && number <= versions.size() ? Optional.of(versions.get(number - 1)) : Optional.empty();
    }

    /** The label named {@code name}, if it exists. */
    public Optional<VariableLabel> label(String name) {
        return labels.stream().filter(label -> label.name().equals(name)).findFirst();
    }

    /**
     * The version the label named {@code name} resolves to, following references to other labels; empty where it
     * resolves to the code default, to the latest version of a variable without versions, or does not exist.
     */
    public Optional<VariableVersion> resolve(String name) {
        Optional<VariableLabel> label = label(name);
        if (label.isEmpty()) {
            return Optional.empty();
        }
        LabelTarget target = label.get().target();
        if (target instanceof LabelTarget.Version version) {
            return version(version.number());
        }
        if (target instanceof LabelTarget.Latest) {
            return latestVersion();
        }
        if (target instanceof LabelTarget.Label other) {
            return resolve(other.name());
        }
        return Optional.empty();
    }

    private static void requireLabelsResolve(List<VariableLabel> labels, int versionCount) {
        Map<String, VariableLabel> byName = labels.stream()
                .collect(Collectors.toMap(VariableLabel::name, Function.identity(), (first, second) -> {
                    throw new InvalidInputException("labels", "value_error",
                            "Label '" + first.name() + "' is defined twice");
                }));
        for (VariableLabel label : labels) {
            if (label.target() instanceof LabelTarget.Version version && version.number() > versionCount) {
                throw new InvalidInputException("labels", "value_error",
                        "Label '" + label.name() + "' points at version " + version.number() + ", which does not exist");
            }
            List<String> chain = new ArrayList<>(List.of(label.name()));
            Set<String> seen = new HashSet<>(chain);
            LabelTarget target = label.target();
            while (target instanceof LabelTarget.Label reference) {
                VariableLabel next = byName.get(reference.name());
                if (next == null) {
                    throw new InvalidInputException("labels", "value_error", "Label '" + chain.get(chain.size() - 1)
                            + "' refers to label '" + reference.name() + "', which does not exist");
                }
                chain.add(next.name());
                if (!seen.add(next.name())) {
                    throw new InvalidInputException("labels", "value_error",
                            "Labels refer to each other in a cycle: " + String.join(" -> ", chain));
                }
                target = next.target();
            }
        }
    }

    private static void requireWeighedLabelsExist(String field, Rollout rollout, Set<String> labelNames) {
        for (String weighed : rollout.labels().keySet()) {
            if (!labelNames.contains(weighed)) {
                throw new InvalidInputException(field, "value_error",
                        "The rollout gives a weight to label '" + weighed + "', which is not defined in labels");
            }
        }
    }
}
