package dev.gatehouse.ports.model;

import java.util.Objects;

/**
 * A dashboard with the names a response shows beside it.
 *
 * @param projectName the name of the dashboard's project
 * @param createdByName the name of the API key that created it, or null for an operator or a deleted key
 * @param updatedByName the name of the API key that last updated it, or null
 */
public record DashboardView(Dashboard dashboard, String projectName, String createdByName, String updatedByName) {

    public DashboardView {
        Objects.requireNonNull(dashboard, "dashboard");
        Objects.requireNonNull(projectName, "projectName");
    }
}
