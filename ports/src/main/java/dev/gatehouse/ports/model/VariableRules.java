package dev.gatehouse.ports.model;

import java.util.Set;
import java.util.regex.Pattern;

/** The validation rules for a managed variable's name, description, aliases and label names. */
public final class VariableRules {

    /** A variable name or alias is a Python identifier, as the Logfire SDK requires. */
    public static final Pattern NAME_PATTERN = Pattern.compile("^[a-zA-Z_][a-zA-Z0-9_]*$");
    public static final int NAME_MAX_LENGTH = 200;
    public static final int DESCRIPTION_MAX_LENGTH = 500;
    public static final int LABEL_MAX_LENGTH = 200;

    /**
     * Label names a label may not have, since a label reference spells its target with them: {@code latest} (the
     * latest version) and {@code code_default} (the default in the application's code).
     */
    public static final Set<String> RESERVED_LABELS = Set.of("latest", "code_default");

    private VariableRules() {
    }

    /** Returns {@code name} if it is a valid variable name (or alias), else throws naming {@code field}. */
    public static String requireValidName(String field, String name) {
        if (name == null) {
            throw new InvalidInputException(field, "missing", "Field required");
        }
        if (name.isEmpty()) {
            throw new InvalidInputException(field, "string_too_short", "String should have at least 1 character");
        }
        if (name.length() > NAME_MAX_LENGTH) {
            throw new InvalidInputException(field, "string_too_long",
                    "String should have at most " + NAME_MAX_LENGTH + " characters");
        }
        if (!NAME_PATTERN.matcher(name).matches()) {
            throw new InvalidInputException(field, "string_pattern_mismatch",
                    "String should match pattern '" + NAME_PATTERN.pattern() + "'");
        }
        return name;
    }

    /** Returns {@code description} if it is null or at most 500 characters, else throws. */
    public static String requireValidDescription(String description) {
        if (description != null && Characters.count(description) > DESCRIPTION_MAX_LENGTH) {
            throw new InvalidInputException("description", "string_too_long",
                    "String should have at most " + DESCRIPTION_MAX_LENGTH + " characters");
        }
        return description;
    }

    /** Returns {@code label} if it is a valid, unreserved label name of 1 to 200 characters, else throws naming {@code field}. */
    public static String requireValidLabel(String field, String label) {
        if (label == null || label.isEmpty() || Characters.count(label) > LABEL_MAX_LENGTH) {
            throw new InvalidInputException(field, "value_error",
                    "A label name must have 1 to " + LABEL_MAX_LENGTH + " characters");
        }
        if (RESERVED_LABELS.contains(label)) {
            throw new InvalidInputException(field, "value_error",
                    "'" + label + "' is reserved and cannot name a label");
        }
        return label;
    }

    /** Returns {@code json} if it is null or the text of a JSON object, else throws naming {@code field}. */
    static String requireObjectOrNull(String field, String json) {
        if (json != null && !(json.startsWith("{") && json.endsWith("}"))) {
            throw new InvalidInputException(field, "dict_type", "Input should be a valid dictionary");
        }
        return json;
    }
}
