package dev.gatehouse.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.ports.model.AuditEntry;
import dev.gatehouse.ports.model.FieldChange;

/**
 * The {@code metadata} of an audit log entry's detail: the recorded change and the RFC 6902 JSON Patch that would
 * revert it.
 *
 * <p>The patch applies to the audited resource as a JSON object whose members are the audited fields (wire names,
 * values as recorded text; a null value is an absent member):
 * <ul>
 *   <li>{@code INSERT}: {@code [{"op": "remove", "path": ""}]}, removing the created record;</li>
 *   <li>{@code UPDATE}: per changed field, {@code replace} with the old value, {@code add} of the old value where
 *       the field was cleared, or {@code remove} where it was set from nothing;</li>
 *   <li>{@code DELETE}: {@code [{"op": "add", "path": "", "value": {old fields}}]}, restoring the record;</li>
 *   <li>{@code FAILED_LOGIN}: {@code []}, as refusing a credential changed nothing.</li>
 * </ul>
 */
final class AuditMetadata {

    /** What the OpenAPI document says about {@code metadata}. */
    static final String DESCRIPTION = "{\"changes\": {field: {\"old\": text or null, \"new\": text or null}},"
            + " \"downgrade_patches\": [RFC 6902 operations]}. The patch reverts the change on the audited record,"
            + " a JSON object of the audited fields (a null value is an absent member): INSERT gives"
            + " [{\"op\": \"remove\", \"path\": \"\"}]; UPDATE gives per field {\"op\": \"replace\", \"path\":"
            + " \"/field\", \"value\": old}, or \"add\" where the field was cleared, or \"remove\" where it was set"
            + " from nothing; DELETE gives [{\"op\": \"add\", \"path\": \"\", \"value\": {old fields}}];"
            + " FAILED_LOGIN, which changed nothing, gives [] and records the window (window_start, window_end)"
            + " and the count per reason (malformed, not_found, revoked, expired).";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private AuditMetadata() {
    }

    /** The metadata of {@code entry}. */
    static ObjectNode of(AuditEntry entry) {
        ObjectNode metadata = JSON.objectNode();
        ObjectNode changes = metadata.putObject("changes");
        for (FieldChange change : entry.changes()) {
            ObjectNode field = changes.putObject(change.field());
            field.put("old", change.oldValue());
            field.put("new", change.newValue());
        }
        metadata.set("downgrade_patches", downgrade(entry));
        return metadata;
    }

    private static ArrayNode downgrade(AuditEntry entry) {
        ArrayNode patch = JSON.arrayNode();
        switch (entry.action()) {
            case INSERT -> patch.addObject().put("op", "remove").put("path", "");
            case UPDATE -> {
                for (FieldChange change : entry.changes()) {
                    String path = pointer(change.field());
                    if (change.oldValue() == null) {
                        patch.addObject().put("op", "remove").put("path", path);
                    } else {
                        patch.addObject().put("op", change.newValue() == null ? "add" : "replace").put("path", path)
                                .put("value", change.oldValue());
                    }
                }
            }
            case DELETE -> {
                ObjectNode restored = JSON.objectNode();
                for (FieldChange change : entry.changes()) {
                    if (change.oldValue() != null) {
                        restored.put(change.field(), change.oldValue());
                    }
                }
                patch.addObject().put("op", "add").put("path", "").set("value", restored);
            }
            case FAILED_LOGIN -> {
                // A refused credential changed nothing, so nothing reverts it.
            }
        }
        return patch;
    }

    /** The RFC 6901 JSON Pointer to a member of the document's root. */
    private static String pointer(String field) {
        return "/" + field.replace("~", "~0").replace("/", "~1");
    }
}
