package dev.gatehouse.ports.model;

import java.util.List;
import java.util.Objects;

/**
 * One targeting condition of a variable override: it tests the attribute named {@code attribute} of the context a
 * variable is resolved in. Each kind carries exactly the operand it needs (see {@link ConditionKind#operand()}); the
 * others are null.
 *
 * @param value for the value kinds, the compared JSON value as canonical JSON text ({@code "null"} for JSON null)
 * @param values for the set kinds, the compared JSON values, each as canonical JSON text; {@code value-is-in} needs
 *     at least one
 * @param pattern for the regex kinds, a regular expression that must compile
 */
public record Condition(ConditionKind kind, String attribute, String value, List<String> values, String pattern) {

    public Condition {
        Objects.requireNonNull(kind, "kind");
        if (attribute == null) {
            throw new InvalidInputException("attribute", "missing", "Field required");
        }
        ConditionKind.Operand operand = kind.operand();
        requireAbsentUnless(operand == ConditionKind.Operand.VALUE, value, "value", kind);
        requireAbsentUnless(operand == ConditionKind.Operand.VALUES, values, "values", kind);
        requireAbsentUnless(operand == ConditionKind.Operand.PATTERN, pattern, "pattern", kind);
        switch (operand) {
            case VALUE -> {
                if (value == null) {
                    throw new InvalidInputException("value", "missing", "Field required");
                }
            }
            case VALUES -> {
                if (values == null) {
                    throw new InvalidInputException("values", "missing", "Field required");
                }
                values = List.copyOf(values);
                if (kind == ConditionKind.VALUE_IS_IN && values.isEmpty()) {
                    throw new InvalidInputException("values", "too_short", "List should have at least 1 item");
                }
            }
            case PATTERN -> requireCompiles(pattern);
            case NONE -> {
            }
        }
    }

    /** {@code attribute} equals the JSON value {@code valueJson}. */
    public static Condition valueEquals(String attribute, String valueJson) {
        return new Condition(ConditionKind.VALUE_EQUALS, attribute, valueJson, null, null);
    }

    /** {@code attribute} is one of the JSON values {@code valuesJson}. */
    public static Condition valueIsIn(String attribute, List<String> valuesJson) {
        return new Condition(ConditionKind.VALUE_IS_IN, attribute, null, valuesJson, null);
    }

    /** {@code attribute} is a string matching {@code regex}. */
    public static Condition valueMatchesRegex(String attribute, String regex) {
        return new Condition(ConditionKind.VALUE_MATCHES_REGEX, attribute, null, null, regex);
    }

    /** {@code attribute} is present. */
    public static Condition keyIsPresent(String attribute) {
        return new Condition(ConditionKind.KEY_IS_PRESENT, attribute, null, null, null);
    }

    private static void requireAbsentUnless(boolean needed, Object operand, String field, ConditionKind kind) {
        if (!needed && operand != null) {
            throw new IllegalArgumentException("a " + kind.wireName() + " condition has no " + field);
        }
    }

    private static void requireCompiles(String pattern) {
        if (pattern == null) {
            throw new InvalidInputException("pattern", "missing", "Field required");
        }
        // The Logfire SDK evaluates the pattern with Python's re.search, so it is Python's syntax that must hold.
        String problem = PythonRegex.problem(pattern);
        if (problem != null) {
            throw new InvalidInputException("pattern", "value_error", "Invalid regular expression: " + problem);
        }
    }
}
