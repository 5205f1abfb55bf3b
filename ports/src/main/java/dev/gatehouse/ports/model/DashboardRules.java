package dev.gatehouse.ports.model;

import java.util.regex.Pattern;

/** The validation rules for a dashboard's name and slug, shared by the stored record and the commands. */
public final class DashboardRules {

    /** Letters, digits, hyphens and underscores, starting with a letter or digit: safe as one URL path segment. */
    public static final Pattern SLUG_PATTERN = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_-]*$");
    public static final int SLUG_MAX_LENGTH = 100;

    private static final Pattern UUID_SHAPED =
            Pattern.compile("[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}");

    private DashboardRules() {
    }

    /** Returns {@code name} if it is a non-blank dashboard name, else throws {@link InvalidInputException}. */
    public static String requireValidName(String name) {
        if (name == null) {
            throw new InvalidInputException("name", "missing", "Field required");
        }
        if (name.isEmpty()) {
            throw new InvalidInputException("name", "string_too_short", "String should have at least 1 character");
        }
        if (name.isBlank()) {
            throw new InvalidInputException("name", "value_error", "Value error, name must not be blank");
        }
        return name;
    }

    /**
     * Returns {@code slug} if it is a valid slug, else throws {@link InvalidInputException}; a slug may not have the
     * shape of a UUID, since a UUID in a dashboard path names a dashboard by id.
     */
    public static String requireValidSlug(String slug) {
        if (slug == null) {
            throw new InvalidInputException("slug", "missing", "Field required");
        }
        if (slug.isEmpty()) {
            throw new InvalidInputException("slug", "string_too_short", "String should have at least 1 character");
        }
        if (Characters.count(slug) > SLUG_MAX_LENGTH) {
            throw new InvalidInputException("slug", "string_too_long",
                    "String should have at most " + SLUG_MAX_LENGTH + " characters");
        }
        if (!SLUG_PATTERN.matcher(slug).matches()) {
            throw new InvalidInputException("slug", "string_pattern_mismatch",
                    "String should match pattern '" + SLUG_PATTERN.pattern() + "'");
        }
        if (isUuidShaped(slug)) {
            throw new InvalidInputException("slug", "value_error",
                    "A slug cannot have the shape of a UUID, which addresses a dashboard by id");
        }
        return slug;
    }

    /** Whether {@code text} spells a UUID (32 hex digits, optionally grouped 8-4-4-4-12 by hyphens, any case). */
    public static boolean isUuidShaped(String text) {
        return text != null && UUID_SHAPED.matcher(text).matches();
    }

    /** Returns {@code definitionJson} if it is present and a JSON object's text, else throws {@link InvalidInputException}. */
    public static String requireDefinition(String definitionJson) {
        if (definitionJson == null) {
            throw new InvalidInputException("definition", "missing", "Field required");
        }
        if (!definitionJson.startsWith("{") || !definitionJson.endsWith("}")) {
            throw new InvalidInputException("definition", "model_type", "Input should be a valid dictionary");
        }
        return definitionJson;
    }
}
