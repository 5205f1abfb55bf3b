package dev.gatehouse.ports.in;

import dev.gatehouse.ports.model.Change;
import dev.gatehouse.ports.model.Environment;
import dev.gatehouse.ports.model.InvalidInputException;
import dev.gatehouse.ports.model.ProjectRules;
import dev.gatehouse.ports.model.Visibility;
import java.util.Objects;

/** A partial update of a project: each field is kept or set; only the description may be cleared. */
public record ProjectUpdate(
        Change<String> name,
        Change<String> description,
        Change<Visibility> visibility,
        Change<Environment> environment) {

    public ProjectUpdate {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(visibility, "visibility");
        Objects.requireNonNull(environment, "environment");
        if (name instanceof Change.SetTo<String> set && set.value() != null) {
            ProjectRules.requireValidName(set.value());
        }
        if (description instanceof Change.SetTo<String> set) {
            ProjectRules.requireValidDescription(set.value());
        }
        rejectNull(name, "project_name");
        rejectNull(visibility, "visibility");
        rejectNull(environment, "environment");
    }

    /** An update that changes nothing. */
    public static ProjectUpdate none() {
        return new ProjectUpdate(Change.keep(), Change.keep(), Change.keep(), Change.keep());
    }

    private static void rejectNull(Change<?> change, String field) {
        if (change instanceof Change.SetTo<?> set && set.value() == null) {
            throw new InvalidInputException(field, "missing", field + " cannot be null");
        }
    }
}
