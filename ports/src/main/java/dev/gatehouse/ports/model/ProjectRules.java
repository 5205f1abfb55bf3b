package dev.gatehouse.ports.model;

import java.util.regex.Pattern;

/** The reference's validation rules for project fields, shared by the create and update commands. */
public final class ProjectRules {

    /** The pattern a project name must match: lowercase words of letters and digits joined by single hyphens. */
    public static final Pattern NAME_PATTERN = Pattern.compile("^[a-z0-9]+(?:-[a-z0-9]+)*$");
    public static final int NAME_MIN_LENGTH = 2;
    public static final int NAME_MAX_LENGTH = 50;
    public static final int DESCRIPTION_MAX_LENGTH = 500;

    private ProjectRules() {
    }

    /** Returns {@code name} if it is a valid project name, else throws {@link InvalidInputException}. */
    public static String requireValidName(String name) {
        if (name == null) {
            throw new InvalidInputException("project_name", "missing", "Field required");
        }
        if (Characters.count(name) < NAME_MIN_LENGTH) {
            throw new InvalidInputException("project_name", "string_too_short",
                    "String should have at least " + NAME_MIN_LENGTH + " characters");
        }
        if (Characters.count(name) > NAME_MAX_LENGTH) {
            throw new InvalidInputException("project_name", "string_too_long",
                    "String should have at most " + NAME_MAX_LENGTH + " characters");
        }
        if (!NAME_PATTERN.matcher(name).matches()) {
            throw new InvalidInputException("project_name", "string_pattern_mismatch",
                    "String should match pattern '" + NAME_PATTERN.pattern() + "'");
        }
        return name;
    }

    /** Returns {@code description} if it is null or at most 500 characters, else throws {@link InvalidInputException}. */
    public static String requireValidDescription(String description) {
        if (description != null && Characters.count(description) > DESCRIPTION_MAX_LENGTH) {
            throw new InvalidInputException("description", "string_too_long",
                    "String should have at most " + DESCRIPTION_MAX_LENGTH + " characters");
        }
        return description;
    }
}
