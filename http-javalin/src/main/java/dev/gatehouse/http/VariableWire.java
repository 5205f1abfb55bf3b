package dev.gatehouse.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.ports.model.Condition;
import dev.gatehouse.ports.model.CredentialId;
import dev.gatehouse.ports.model.LabelTarget;
import dev.gatehouse.ports.model.Rollout;
import dev.gatehouse.ports.model.RolloutOverride;
import dev.gatehouse.ports.model.Variable;
import dev.gatehouse.ports.model.VariableLabel;
import dev.gatehouse.ports.model.VariableVersion;
import dev.gatehouse.ports.model.VariableView;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The variable response bodies, named as the reference names their schemas: the management form
 * ({@code VariableDefinitionRead}) and the SDK form ({@code VariablesConfig}, {@code VariableConfig}).
 *
 * <p>Labels and versions have no ids of their own in Gatehouse; their {@code id}s are name-based UUIDs derived from
 * the variable's id and the label's name or the version's number, so that they are stable across reads.
 */
final class VariableWire {

    /** The kind every variable has here: prompts are not kept. */
    static final String KIND = "general";

    /** The key under which the SDK form carries the latest version's weight, a label reference to the latest version. */
    static final String LATEST = "latest";

    private VariableWire() {
    }

    /** VariableDefinitionRead: the variable with its labels resolved and its latest version. */
    record VariableDefinitionRead(UUID id, UUID projectId, UUID typeId, String typeName, String kind, String name,
                                  String displayName, String promptSlug, String description, JsonNode jsonSchema,
                                  JsonNode templateInputsSchema, Map<String, LabelRead> labels,
                                  VersionRead latestVersion, RolloutData rollout, List<OverrideData> overrides,
                                  List<String> aliases, String example, boolean external, Instant createdAt,
                                  Instant updatedAt, String createdByName, String updatedByName) {

        static VariableDefinitionRead of(VariableView view) {
            Variable variable = view.variable();
            Map<String, LabelRead> labels = new LinkedHashMap<>();
            for (VariableLabel label : variable.labels()) {
                labels.put(label.name(), LabelRead.of(view, label));
            }
            return new VariableDefinitionRead(variable.id().value(), variable.projectId().value(), null, null, KIND,
                    variable.name(), null, null, variable.description(), CanonicalJson.read(variable.jsonSchema()),
                    CanonicalJson.read(variable.templateInputsSchema()), labels,
                    variable.latestVersion().map(version -> VersionRead.of(view, version)).orElse(null),
                    RolloutData.of(variable.rollout()),
                    variable.overrides().stream().map(OverrideData::of).toList(), variable.aliases(),
                    variable.example(), variable.external(), variable.createdAt(), variable.updatedAt(),
                    view.nameOf(variable.createdBy()), view.nameOf(variable.updatedBy()));
        }
    }

    /** LabelRead: where a label points and, resolved through references, which version and value it gives. */
    record LabelRead(UUID id, UUID variableDefinitionId, String label, String targetType, String targetLabel,
                     UUID versionId, Integer versionNumber, String serializedValue, Instant updatedAt, UUID updatedBy,
                     String updatedByName) {

        static LabelRead of(VariableView view, VariableLabel label) {
            Variable variable = view.variable();
            VariableVersion resolved = variable.resolve(label.name()).orElse(null);
            String targetLabel = label.target() instanceof LabelTarget.Label reference ? reference.name() : null;
            return new LabelRead(derivedId(variable, "label", label.name()), variable.id().value(), label.name(),
                    label.target().targetType(), targetLabel,
                    resolved == null ? null : derivedId(variable, "version", Integer.toString(resolved.number())),
                    resolved == null ? null : resolved.number(), resolved == null ? null : resolved.serializedValue(),
                    label.updatedAt(), uuid(label.updatedBy()), view.nameOf(label.updatedBy()));
        }
    }

    /** VersionRead: one version; versions have no description here. */
    record VersionRead(UUID id, UUID variableDefinitionId, int version, String serializedValue, String description,
                       Instant createdAt, UUID createdBy, String createdByName) {

        static VersionRead of(VariableView view, VariableVersion version) {
            Variable variable = view.variable();
            return new VersionRead(derivedId(variable, "version", Integer.toString(version.number())),
                    variable.id().value(), version.number(), version.serializedValue(), null, version.createdAt(),
                    uuid(version.createdBy()), view.nameOf(version.createdBy()));
        }
    }

    /** RolloutData: the label weights and, where set, the latest version's weight. */
    record RolloutData(Map<String, Double> labels, @JsonInclude(JsonInclude.Include.NON_NULL) Double latestWeight) {

        static RolloutData of(Rollout rollout) {
            return new RolloutData(rollout.labels(), rollout.latestWeight());
        }
    }

    /** OverrideData: an override as stored. */
    record OverrideData(String name, String description, List<ConditionData> conditions, RolloutData rollout) {

        static OverrideData of(RolloutOverride override) {
            return new OverrideData(override.name(), override.description(),
                    override.conditions().stream().map(ConditionData::of).toList(), RolloutData.of(override.rollout()));
        }
    }

    /** ConditionData, and the SDK's typed conditions: the kind, the attribute, and the one operand the kind has. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ConditionData(String kind, String attribute, JsonNode value, List<JsonNode> values, String pattern) {

        static ConditionData of(Condition condition) {
            return new ConditionData(condition.kind().wireName(), condition.attribute(),
                    CanonicalJson.read(condition.value()),
                    condition.values() == null ? null : condition.values().stream().map(CanonicalJson::read).toList(),
                    condition.pattern());
        }
    }

    /** VariablesConfig: every variable of the project in the SDK's form, by name. */
    record VariablesConfig(Map<String, VariableConfig> variables) {

        static VariablesConfig of(List<VariableView> views) {
            Map<String, VariableConfig> variables = new LinkedHashMap<>();
            views.forEach(view -> variables.put(view.variable().name(), VariableConfig.of(view)));
            return new VariablesConfig(variables);
        }
    }

    /**
     * VariableConfig: one variable in the SDK's form. A label pointing at a version carries its value
     * ({@code LabeledValue}); the others are references ({@code LabelRef}) to a label, {@code latest} or
     * {@code code_default}. The SDK's rollouts weigh labels only, so a latest-version weight appears as the weight
     * of a label {@code latest} that refers to the latest version (no label may be named so).
     */
    record VariableConfig(String name, String kind, Map<String, Object> labels, LatestVersion latestVersion,
                          SdkRollout rollout, List<SdkOverride> overrides, String description, JsonNode jsonSchema,
                          JsonNode templateInputsSchema, String typeName, List<String> aliases, String example,
                          String displayName, String promptSlug) {

        static VariableConfig of(VariableView view) {
            Variable variable = view.variable();
            Map<String, Object> labels = new LinkedHashMap<>();
            for (VariableLabel label : variable.labels()) {
                labels.put(label.name(), sdkLabel(variable, label));
            }
            boolean latestWeighed = weighsLatest(variable.rollout())
                    || variable.overrides().stream().anyMatch(override -> weighsLatest(override.rollout()));
            Integer latestNumber = variable.latestVersion().map(VariableVersion::number).orElse(null);
            if (latestWeighed) {
                labels.put(LATEST, new LabelRef(latestNumber, LATEST));
            }
            return new VariableConfig(variable.name(), KIND, labels,
                    variable.latestVersion().map(LatestVersion::of).orElse(null), SdkRollout.of(variable.rollout()),
                    variable.overrides().stream().map(SdkOverride::of).toList(), variable.description(),
                    CanonicalJson.read(variable.jsonSchema()), CanonicalJson.read(variable.templateInputsSchema()),
                    null, variable.aliases(), variable.example(), null, null);
        }

        private static Object sdkLabel(Variable variable, VariableLabel label) {
            LabelTarget target = label.target();
            if (target instanceof LabelTarget.Version version) {
                return new LabeledValue(version.number(), variable.version(version.number()).orElseThrow()
                        .serializedValue());
            }
            Integer resolved = variable.resolve(label.name()).map(VariableVersion::number).orElse(null);
            String ref = target instanceof LabelTarget.Label reference ? reference.name() : target.targetType();
            return new LabelRef(resolved, ref);
        }

        private static boolean weighsLatest(Rollout rollout) {
            return rollout.latestWeight() != null && rollout.latestWeight() > 0;
        }
    }

    /** LabeledValue: a label with the value of the version it points at. */
    record LabeledValue(int version, String serializedValue) {
    }

    /** LabelRef: a label following another label, {@code latest} or {@code code_default}; version as resolved. */
    record LabelRef(Integer version, String ref) {
    }

    /** LatestVersion: the latest version's number and value. */
    record LatestVersion(int version, String serializedValue) {

        static LatestVersion of(VariableVersion version) {
            return new LatestVersion(version.number(), version.serializedValue());
        }
    }

    /** Rollout, as the SDK reads it: label weights, with the latest-version weight under {@code latest}. */
    record SdkRollout(Map<String, Double> labels) {

        static SdkRollout of(Rollout rollout) {
            Map<String, Double> labels = new LinkedHashMap<>(rollout.labels());
            if (rollout.latestWeight() != null && rollout.latestWeight() > 0) {
                labels.put(LATEST, rollout.latestWeight());
            }
            return new SdkRollout(labels);
        }
    }

    /** RolloutOverride, as the SDK reads it: typed conditions and a rollout. */
    record SdkOverride(List<ConditionData> conditions, SdkRollout rollout) {

        static SdkOverride of(RolloutOverride override) {
            return new SdkOverride(override.conditions().stream().map(ConditionData::of).toList(),
                    SdkRollout.of(override.rollout()));
        }
    }

    private static UUID derivedId(Variable variable, String part, String key) {
        return UUID.nameUUIDFromBytes((variable.id() + "/" + part + "/" + key).getBytes(StandardCharsets.UTF_8));
    }

    private static UUID uuid(CredentialId id) {
        return id == null ? null : id.value();
    }
}
