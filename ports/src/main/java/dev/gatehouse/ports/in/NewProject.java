package dev.gatehouse.ports.in;

import dev.gatehouse.ports.model.Environment;
import dev.gatehouse.ports.model.ProjectRules;
import dev.gatehouse.ports.model.Visibility;

/**
 * The command to create a project; validates name and description as the reference does.
 *
 * @param visibility null means the default, {@code public}
 * @param environment null means the default, {@code production}
 */
public record NewProject(String name, String description, Visibility visibility, Environment environment) {

    public NewProject {
        ProjectRules.requireValidName(name);
        ProjectRules.requireValidDescription(description);
        visibility = visibility == null ? Visibility.PUBLIC : visibility;
        environment = environment == null ? Environment.PRODUCTION : environment;
    }

    /** A public production project named {@code name} without a description. */
    public static NewProject named(String name) {
        return new NewProject(name, null, null, null);
    }
}
