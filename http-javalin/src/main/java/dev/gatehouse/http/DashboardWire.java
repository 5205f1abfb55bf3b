package dev.gatehouse.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.ports.model.Dashboard;
import dev.gatehouse.ports.model.DashboardView;
import java.time.Instant;
import java.util.UUID;

/** The dashboard response bodies, named as the reference names their schemas. */
final class DashboardWire {

    private DashboardWire() {
    }

    /** DashboardSummary: a dashboard without its definition, as the list shows it. */
    record DashboardSummary(UUID id, UUID projectId, Instant createdAt, Instant updatedAt, String createdByName,
                            String updatedByName, String dashboardName, String dashboardSlug, long version) {

        static DashboardSummary of(DashboardView view) {
            Dashboard dashboard = view.dashboard();
            return new DashboardSummary(dashboard.id().value(), dashboard.projectId().value(), dashboard.createdAt(),
                    dashboard.updatedAt(), view.createdByName(), view.updatedByName(), dashboard.name(),
                    dashboard.slug(), dashboard.version());
        }
    }

    /** Dashboard: the summary's fields and the definition. */
    record DashboardRead(UUID id, UUID projectId, Instant createdAt, Instant updatedAt, String createdByName,
                         String updatedByName, String dashboardName, String dashboardSlug, long version,
                         JsonNode definition) {

        static DashboardRead of(DashboardView view) {
            Dashboard dashboard = view.dashboard();
            return new DashboardRead(dashboard.id().value(), dashboard.projectId().value(), dashboard.createdAt(),
                    dashboard.updatedAt(), view.createdByName(), view.updatedByName(), dashboard.name(),
                    dashboard.slug(), dashboard.version(), definitionRead(view));
        }
    }

    /** GetDashboardResponse: the definition alone. */
    record GetDashboardResponse(JsonNode dashboard) {

        static GetDashboardResponse of(DashboardView view) {
            return new GetDashboardResponse(definitionRead(view));
        }
    }

    /**
     * DashboardDefinitionRead: the stored definition whose metadata keeps its {@code name} and gains what the server
     * knows: the project's name, the creation and update instants (the creation instant until the first update) and
     * the version.
     */
    static ObjectNode definitionRead(DashboardView view) {
        Dashboard dashboard = view.dashboard();
        ObjectNode definition = (ObjectNode) CanonicalJson.read(dashboard.definitionJson());
        JsonNode stored = definition.path("metadata").path("name");
        ObjectNode metadata = JsonNodeFactory.instance.objectNode();
        metadata.set("name", stored.isMissingNode() ? JsonNodeFactory.instance.textNode(dashboard.slug()) : stored);
        metadata.put("project", view.projectName());
        metadata.put("createdAt", dashboard.createdAt().toString());
        Instant updated = dashboard.updatedAt() == null ? dashboard.createdAt() : dashboard.updatedAt();
        metadata.put("updatedAt", updated.toString());
        metadata.put("version", dashboard.version());
        definition.set("metadata", metadata);
        return definition;
    }
}
