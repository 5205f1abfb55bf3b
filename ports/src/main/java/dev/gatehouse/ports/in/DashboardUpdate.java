package dev.gatehouse.ports.in;

import dev.gatehouse.ports.model.Change;
import dev.gatehouse.ports.model.DashboardRules;
import java.util.Objects;

/**
 * A partial update of a dashboard: the name and the definition are each kept or replaced (neither can be cleared),
 * and the update applies only if the dashboard is still at {@code expectedVersion}.
 *
 * @param definitionJson a new definition as compact JSON text of an object, already checked structurally
 * @param expectedVersion the version the caller last read, or null to apply the update to whatever version is current
 */
public record DashboardUpdate(Change<String> name, Change<String> definitionJson, Long expectedVersion) {

    public DashboardUpdate {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(definitionJson, "definitionJson");
        if (name instanceof Change.SetTo<String> set) {
            DashboardRules.requireValidName(set.value());
        }
        if (definitionJson instanceof Change.SetTo<String> set) {
            DashboardRules.requireDefinition(set.value());
        }
    }
}
