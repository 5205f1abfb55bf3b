package dev.gatehouse.ports.in;

import dev.gatehouse.ports.model.DashboardRules;

/**
 * The command to create a dashboard.
 *
 * @param definitionJson the definition as compact JSON text of an object, already checked structurally by the caller
 *     (the HTTP adapter checks the Perses-style shape)
 */
public record NewDashboard(String name, String slug, String definitionJson) {

    public NewDashboard {
        DashboardRules.requireValidName(name);
        DashboardRules.requireValidSlug(slug);
        DashboardRules.requireDefinition(definitionJson);
    }
}
