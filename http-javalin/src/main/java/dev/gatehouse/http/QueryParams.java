package dev.gatehouse.http;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads the query parameters of one request against their documented types, collecting every error with its
 * {@code ["query", name]} location (as pydantic does); {@link #validate()} then throws them all as one 422.
 * Not thread-safe: one per request.
 */
final class QueryParams {


    private final Map<String, List<String>> values;
    private final List<ValidationError> errors = new ArrayList<>();

    QueryParams(Map<String, List<String>> values) {
        this.values = Map.copyOf(values);
    }

    /** The parameter's last value as received (FastAPI, too, takes the last of repeated ones), or null when absent. */
    String raw(String name) {
        List<String> given = values.get(name);
        return given == null || given.isEmpty() ? null : given.get(given.size() - 1);
    }

    /** A required instant: absent is {@code missing}; otherwise as {@link #optionalInstant(String)}. */
    Instant requiredInstant(String name) {
        if (raw(name) == null) {
            errors.add(ValidationError.of("missing", List.of("query", name), "Field required", null));
            return null;
        }
        return optionalInstant(name);
    }

    /**
     * An optional instant in the years 1 to 9999: an ISO-8601 date-time (UTC where it has no offset), a date, or a
     * Unix time (seconds, or milliseconds beyond 2e10), as pydantic accepts them; absent reads as null.
     */
    Instant optionalInstant(String name) {
        String text = raw(name);
        if (text == null) {
            return null;
        }
        Instant parsed = PydanticDateTime.parse(text);
        if (parsed == null) {
            errors.add(new ValidationError("datetime_from_date_parsing", List.of("query", name),
                    "Input should be a valid datetime or date", text, Map.of("error", JsonBody.EXPECTED_DATE_TIME)));
        }
        return parsed;
    }

    /**
     * An optional value of {@code allowed}, spelled exactly; absent reads as null, anything else is a
     * {@code literal_error}.
     */
    String optionalChoice(String name, List<String> allowed) {
        String text = raw(name);
        if (text == null || allowed.contains(text)) {
            return text;
        }
        String expected = alternatives(allowed);
        errors.add(new ValidationError("literal_error", List.of("query", name), "Input should be " + expected, text,
                Map.of("expected", expected)));
        return null;
    }

    /** Throws every collected error as one 422; returns normally when there are none. */
    void validate() {
        if (!errors.isEmpty()) {
            throw new ApiException.Invalid(errors);
        }
    }

    private static String alternatives(List<String> allowed) {
        List<String> quoted = allowed.stream().map(value -> "'" + value + "'").collect(Collectors.toList());
        if (quoted.size() == 1) {
            return quoted.get(0);
        }
        return String.join(", ", quoted.subList(0, quoted.size() - 1)) + " or " + quoted.get(quoted.size() - 1);
    }
}
