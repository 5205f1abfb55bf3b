package dev.gatehouse.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.ports.in.LabelAssignment;
import dev.gatehouse.ports.model.LabelTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A label's data read as pydantic reads the reference's plain (undiscriminated) union of {@code VersionLabelData},
 * {@code LatestLabelData}, {@code CodeDefaultLabelData} and {@code LabelRefLabelData}: the member it fits, or else
 * every member's errors, each located under the member's name, as in {@code ["body", "labels", "prod",
 * "VersionLabelData", "serialized_value"]}.
 */
final class LabelDataUnion {

    private LabelDataUnion() {
    }

    /** The assignment {@code node} spells, or null after adding every member's errors to {@code reader}. */
    static LabelAssignment read(JsonNode node, List<Object> loc, BodyReader reader) {
        List<ValidationError> errors = new ArrayList<>();
        for (Member member : Member.values()) {
            BodyReader attempt = new BodyReader();
            LabelAssignment assignment = member.read(node, BodyReader.at(loc, member.title), attempt);
            if (assignment != null && !attempt.hasErrors()) {
                return assignment;
            }
            errors.addAll(attempt.errors());
        }
        reader.errors().addAll(errors);
        return null;
    }

    /** The union's members, in the reference's order, each with its {@code target_type} literal. */
    private enum Member {
        VERSION("VersionLabelData", "version"),
        LATEST("LatestLabelData", "latest"),
        CODE_DEFAULT("CodeDefaultLabelData", "code_default"),
        LABEL_REF("LabelRefLabelData", "label");

        private final String title;
        private final String tag;

        Member(String title, String tag) {
            this.title = title;
            this.tag = tag;
        }

        /** This member read from {@code node}, or null where it does not fit (the errors say why). */
        LabelAssignment read(JsonNode node, List<Object> loc, BodyReader reader) {
            if (!(node instanceof ObjectNode object)) {
                reader.errors().add(ValidationError.of("model_attributes_type", loc,
                        "Input should be a valid dictionary or object to extract fields from", node));
                return null;
            }
            JsonNode type = reader.required(object, "target_type", loc);
            boolean fits = type != null && type.isTextual() && type.textValue().equals(tag);
            if (type != null && !fits) {
                reader.errors().add(new ValidationError("literal_error", BodyReader.at(loc, "target_type"),
                        "Input should be '" + tag + "'", type, Map.of("expected", "'" + tag + "'")));
            }
            LabelAssignment assignment = switch (this) {
                case VERSION -> version(object, loc, reader);
                case LATEST -> new LabelAssignment.Target(new LabelTarget.Latest());
                case CODE_DEFAULT -> new LabelAssignment.Target(new LabelTarget.CodeDefault());
                case LABEL_REF -> labelRef(object, loc, reader);
            };
            return fits ? assignment : null;
        }

        private static LabelAssignment version(ObjectNode object, List<Object> loc, BodyReader reader) {
            JsonNode valueNode = reader.required(object, "serialized_value", loc);
            String value = valueNode == null ? null
                    : reader.string(valueNode, BodyReader.at(loc, "serialized_value"));
            JsonNode versionNode = object.get("version");
            Long version = versionNode == null ? null : reader.integer(versionNode, BodyReader.at(loc, "version"));
            if (version != null && (version < 1 || version > Integer.MAX_VALUE)) {
                reader.errors().add(ValidationError.of("value_error", BodyReader.at(loc, "version"),
                        "Value error, versions are numbered from 1", versionNode));
                return null;
            }
            return value == null ? null : new LabelAssignment.Value(value, version == null ? null : version.intValue());
        }

        private static LabelAssignment labelRef(ObjectNode object, List<Object> loc, BodyReader reader) {
            JsonNode targetNode = reader.required(object, "target_label", loc);
            String target = targetNode == null ? null : reader.string(targetNode, BodyReader.at(loc, "target_label"));
            if (target == null) {
                return null;
            }
            LabelTarget.Label reference = reader.buildAt(BodyReader.at(loc, "target_label"), targetNode,
                    () -> new LabelTarget.Label(target));
            return reference == null ? null : new LabelAssignment.Target(reference);
        }
    }
}
