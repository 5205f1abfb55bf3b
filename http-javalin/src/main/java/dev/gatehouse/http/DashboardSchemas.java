package dev.gatehouse.http;

import static dev.gatehouse.http.SchemaNodes.any;
import static dev.gatehouse.http.SchemaNodes.anyOf;
import static dev.gatehouse.http.SchemaNodes.array;
import static dev.gatehouse.http.SchemaNodes.bool;
import static dev.gatehouse.http.SchemaNodes.constant;
import static dev.gatehouse.http.SchemaNodes.dateTime;
import static dev.gatehouse.http.SchemaNodes.describe;
import static dev.gatehouse.http.SchemaNodes.discriminated;
import static dev.gatehouse.http.SchemaNodes.integer;
import static dev.gatehouse.http.SchemaNodes.mapOf;
import static dev.gatehouse.http.SchemaNodes.nullable;
import static dev.gatehouse.http.SchemaNodes.object;
import static dev.gatehouse.http.SchemaNodes.optional;
import static dev.gatehouse.http.SchemaNodes.ref;
import static dev.gatehouse.http.SchemaNodes.required;
import static dev.gatehouse.http.SchemaNodes.string;
import static dev.gatehouse.http.SchemaNodes.uuid;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.ports.model.DashboardRules;
import java.util.Arrays;
import java.util.Map;

/** The component schemas of the dashboard bodies: the requests, the responses and the Perses-style definition. */
final class DashboardSchemas {

    private DashboardSchemas() {
    }

    /** Adds every dashboard schema to {@code schemas}. */
    static void addTo(Map<String, ObjectNode> schemas) {
        ObjectNode duration = string().put("pattern", DashboardDefinitionCheck.DURATION.pattern());
        schemas.put("DashboardCreateRequest", object(
                required("name", string().put("minLength", 1)),
                required("slug", slug()),
                required("definition", ref("DashboardCreate"))));
        schemas.put("DashboardUpdateRequest", describe(object(
                        optional("name", nullable(string().put("minLength", 1))),
                        optional("definition", nullable(ref("DashboardCreate"))),
                        optional("version", nullable(integer()))),
                "A partial update: an absent or null field is unchanged. With a version, the update applies only"
                        + " if the dashboard is still at that version, else it answers 409."));
        ObjectNode summary = object(summaryFields(false));
        schemas.put("DashboardSummary", summary);
        schemas.put("Dashboard", object(summaryFields(true)));
        schemas.put("GetDashboardResponse", object(required("dashboard", ref("DashboardDefinitionRead"))));
        schemas.put("DashboardCreate", object(
                required("kind", constant("Dashboard")),
                required("metadata", ref("DashboardMetadataCreate")),
                required("spec", ref("DashboardCreateSpec"))));
        schemas.put("DashboardMetadataCreate", object(
                required("name", string()),
                required("project", string())));
        schemas.put("DashboardCreateSpec", describe(object(specFields(duration, false)),
                "Each layout item's content.$ref must be '" + DashboardDefinitionCheck.PANEL_REFERENCE
                        + "<key>' naming one of panels; variable names must be unique."));
        schemas.put("DashboardDefinitionRead", object(
                required("kind", constant("Dashboard")),
                required("metadata", ref("DashboardProjectMetadataRead")),
                required("spec", ref("DashboardSpec"))));
        schemas.put("DashboardProjectMetadataRead", object(
                required("name", string()),
                optional("createdAt", dateTime()),
                optional("updatedAt", dateTime()),
                optional("version", integer()),
                required("project", string())));
        schemas.put("DashboardSpec", object(specFields(duration, true)));
        schemas.put("DashboardDisplay", object(
                required("name", nullable(string())),
                optional("description", nullable(string()))));
        schemas.put("DashboardDatasourceSpec", object(
                required("display", nullable(ref("DashboardDisplay"))),
                optional("default", bool().put("default", false)),
                required("plugin", ref("DashboardPlugin"))));
        schemas.put("DashboardPlugin", object(
                required("kind", string().put("minLength", 1)),
                required("spec", any())));
        schemas.put("DashboardVariable", discriminated("kind",
                "TextVariable", "DashboardTextVariable", "ListVariable", "DashboardListVariable"));
        schemas.put("DashboardTextVariable", object(
                required("kind", constant("TextVariable")),
                required("spec", ref("DashboardTextVariableSpec"))));
        schemas.put("DashboardTextVariableSpec", object(
                required("name", string()),
                optional("display", ref("DashboardVariableDisplay")),
                required("value", string()),
                optional("constant", bool())));
        schemas.put("DashboardListVariable", object(
                required("kind", constant("ListVariable")),
                required("spec", ref("DashboardListVariableSpec"))));
        schemas.put("DashboardListVariableSpec", object(
                required("name", string()),
                optional("display", ref("DashboardVariableDisplay")),
                optional("defaultValue", anyOf(string(), array(string()), SchemaNodes.type("null"))),
                required("allowMultiple", bool()),
                required("allowAllValue", bool()),
                optional("customAllValue", string()),
                optional("capturingRegexp", string()),
                optional("sort", string()),
                required("plugin", ref("DashboardPlugin"))));
        schemas.put("DashboardVariableDisplay", object(
                optional("name", string()),
                optional("description", string()),
                optional("hidden", bool())));
        schemas.put("DashboardPanel", object(
                required("kind", constant("Panel")),
                required("spec", ref("DashboardPanelSpec"))));
        schemas.put("DashboardPanelSpec", object(
                required("display", ref("DashboardPanelDisplay")),
                required("plugin", ref("DashboardPlugin")),
                optional("queries", array(ref("DashboardQuery"))),
                optional("links", array(ref("DashboardPanelLink"))),
                optional("variables", array(ref("DashboardVariable")))));
        schemas.put("DashboardPanelDisplay", object(
                required("name", string()),
                optional("description", string())));
        schemas.put("DashboardQuery", object(
                required("kind", string()),
                required("spec", any())));
        schemas.put("DashboardPanelLink", object(
                optional("name", string()),
                optional("url", string()),
                optional("tooltip", string()),
                optional("renderVariables", bool()),
                optional("targetBlank", bool())));
        schemas.put("DashboardLayout", object(
                required("kind", constant("Grid")),
                required("spec", ref("DashboardGridSpec"))));
        schemas.put("DashboardGridSpec", object(
                optional("display", ref("DashboardGridDisplay")),
                required("items", array(ref("DashboardGridItem")))));
        schemas.put("DashboardGridDisplay", object(
                optional("title", string()),
                optional("collapse", ref("DashboardCollapse"))));
        schemas.put("DashboardCollapse", object(required("open", bool())));
        schemas.put("DashboardGridItem", object(
                required("x", integer()),
                required("y", integer()),
                required("width", integer()),
                required("height", integer()),
                required("content", ref("PanelRef"))));
        schemas.put("PanelRef", panelRef());
    }

    /**
     * PanelRef: an object with one string property named {@code $ref}, declared through a pattern because a
     * {@code $ref} key under {@code properties} is read as a reference by many OpenAPI tools.
     */
    private static ObjectNode panelRef() {
        ObjectNode node = describe(SchemaNodes.type("object"),
                "{\"$ref\": \"" + DashboardDefinitionCheck.PANEL_REFERENCE + "<key>\"}, naming one of spec.panels.");
        node.putObject("patternProperties").set("^\\$ref$", string());
        node.putArray("required").add("$ref");
        return node;
    }

    private static ObjectNode slug() {
        return describe(string()
                        .put("maxLength", DashboardRules.SLUG_MAX_LENGTH)
                        .put("pattern", DashboardRules.SLUG_PATTERN.pattern()),
                "Unique in the project; never shaped like a UUID, so that a path can name a dashboard by id or slug.");
    }

    private static SchemaNodes.Property[] summaryFields(boolean withDefinition) {
        SchemaNodes.Property[] fields = {
            required("id", uuid()),
            required("project_id", uuid()),
            required("created_at", dateTime()),
            required("updated_at", nullable(dateTime())),
            required("created_by_name", nullable(string())),
            required("updated_by_name", nullable(string())),
            required("dashboard_name", string()),
            required("dashboard_slug", string()),
            required("version", integer()),
            required("definition", ref("DashboardDefinitionRead")),
        };
        return withDefinition ? fields : Arrays.copyOf(fields, fields.length - 1);
    }

    private static SchemaNodes.Property[] specFields(ObjectNode duration, boolean read) {
        return new SchemaNodes.Property[] {
            required("display", nullable(ref("DashboardDisplay"))),
            optional("datasources", mapOf(ref("DashboardDatasourceSpec"))),
            read ? required("variables", array(ref("DashboardVariable")))
                    : optional("variables", array(ref("DashboardVariable"))),
            required("panels", nullable(mapOf(ref("DashboardPanel")))),
            required("layouts", array(ref("DashboardLayout"))),
            optional("duration", nullable(duration.deepCopy()).put("default", "1h")),
            optional("refreshInterval", duration.deepCopy().put("default", "0s")),
        };
    }
}
