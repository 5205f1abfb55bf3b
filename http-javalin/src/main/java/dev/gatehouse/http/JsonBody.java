package dev.gatehouse.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.ports.model.Change;
import dev.gatehouse.ports.model.InvalidInputException;
import dev.gatehouse.ports.model.Scope;
import dev.gatehouse.ports.model.ScopeClaims;
import dev.gatehouse.ports.model.Timestamps;
import dev.gatehouse.ports.model.WireEnum;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Reads the fields of one JSON request body against the reference's schema types, collecting every type error
 * (as pydantic does) instead of stopping at the first; {@link #validate()} then throws them all as one 422.
 * Business rules (name patterns, lengths) stay with the port commands. Not thread-safe: one per request.
 */
final class JsonBody {

    /** Why a date-time within the syntax is still refused. */
    static final String OUT_OF_RANGE = "dates before year 1 or after year 9999 are not supported";
    /** What a date-time in text should look like. */
    static final String EXPECTED_DATE_TIME =
            "expected an ISO 8601 date-time such as 2030-01-31T12:00:00Z, in the years 1 to 9999";

    private final ObjectNode node;
    private final List<ValidationError> errors = new ArrayList<>();

    JsonBody(ObjectNode node) {
        this.node = node;
    }

    /** The body as received, for echoing as the {@code input} of an error. */
    ObjectNode node() {
        return node;
    }

    /** Whether {@code field} is present, even as null. */
    boolean has(String field) {
        return node.has(field);
    }

    /** A required string: absent is {@code missing}, null or another type is {@code string_type}. */
    String requiredString(String field) {
        if (!node.has(field)) {
            missing(field);
            return null;
        }
        return string(field, false);
    }

    /** An optional, nullable string: absent and null both read as null. */
    String optionalString(String field) {
        return node.has(field) ? string(field, true) : null;
    }

    /** A string that may be cleared: absent keeps it, null clears it. */
    Change<String> clearableString(String field) {
        return node.has(field) ? Change.to(string(field, true)) : Change.keep();
    }

    /** A string that may be changed but not cleared: absent and null both keep it. */
    Change<String> keepOrSetString(String field) {
        String value = node.has(field) ? string(field, true) : null;
        return value == null ? Change.keep() : Change.to(value);
    }

    /** A string that may be changed but is not nullable: absent keeps it, null is {@code string_type}. */
    Change<String> nonNullString(String field) {
        return node.has(field) ? Change.to(string(field, false)) : Change.keep();
    }

    /** An API key's claims, the reference's {@code ScopeClaims}: absent reads as none. */
    ScopeClaims optionalClaims(String field) {
        JsonNode value = node.get(field);
        return value == null ? ScopeClaims.NONE : new ClaimsReader(errors).read(value, List.of("body", field));
    }

    /** An API key's claims, replaced as a whole when present: absent keeps them. */
    Change<ScopeClaims> claimsChange(String field) {
        JsonNode value = node.get(field);
        return value == null ? Change.keep() : Change.to(new ClaimsReader(errors).read(value, List.of("body", field)));
    }

    /**
     * An optional, nullable choice among an enumeration's wire names, which the reference spells inline (so that
     * pydantic reads it as a literal): absent and null read as null, anything else is a {@code literal_error}.
     */
    <E extends Enum<E> & WireEnum> E optionalEnum(String field, Class<E> type) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : literal(field, type, value);
    }

    /** As {@link #optionalEnum}, for a field with a default but no null: absent reads as null, null is refused. */
    <E extends Enum<E> & WireEnum> E defaultedEnum(String field, Class<E> type) {
        JsonNode value = node.get(field);
        return value == null ? null : literal(field, type, value);
    }

    private <E extends Enum<E> & WireEnum> E literal(String field, Class<E> type, JsonNode value) {
        E found = value.isTextual() ? byWireName(type, value.textValue()) : null;
        if (found == null) {
            String expected = Arrays.stream(type.getEnumConstants())
                    .map(constant -> "'" + constant.wireName() + "'")
                    .collect(Collectors.collectingAndThen(Collectors.toList(), JsonBody::joinAlternatives));
            errors.add(new ValidationError("literal_error", List.of("body", field), "Input should be " + expected,
                    value, Map.of("expected", expected)));
        }
        return found;
    }

    /** An enumeration that may be changed but not cleared: absent and null both keep it. */
    <E extends Enum<E> & WireEnum> Change<E> keepOrSetEnum(String field, Class<E> type) {
        E value = optionalEnum(field, type);
        return value == null ? Change.keep() : Change.to(value);
    }

    /** An optional, nullable UUID: absent and null read as null. */
    UUID optionalUuid(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            errors.add(ValidationError.of("uuid_type", List.of("body", field),
                    "UUID input should be a string, bytes or UUID object", value));
            return null;
        }
        UUID uuid = PathIds.parseUuid(value.textValue());
        if (uuid == null) {
            errors.add(PathIds.uuidError(List.of("body", field), value.textValue()));
        }
        return uuid;
    }

    /**
     * An optional, nullable instant in the years 1 to 9999: an ISO-8601 date-time (without an offset it is taken as
     * UTC), a date, or a Unix time (seconds, or milliseconds beyond 2e10), as pydantic accepts them.
     */
    Instant optionalInstant(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return unixTime(field, value);
        }
        if (!value.isTextual()) {
            errors.add(ValidationError.of("datetime_type", List.of("body", field),
                    "Input should be a valid datetime", value));
            return null;
        }
        Instant parsed = PydanticDateTime.parse(value.textValue());
        if (parsed == null) {
            errors.add(new ValidationError("datetime_from_date_parsing", List.of("body", field),
                    "Input should be a valid datetime or date", value,
                    Map.of("error", EXPECTED_DATE_TIME)));
        }
        return parsed;
    }

    /** An optional, nullable duration: ISO 8601 ({@code PT5M}) or a number of seconds; never negative. */
    Duration optionalDuration(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        Duration duration = null;
        if (value.isNumber()) {
            BigDecimal seconds = NumericInput.decimal(value);
            duration = seconds == null ? null : NumericInput.duration(seconds);
        } else if (value.isTextual()) {
            duration = PydanticDuration.parse(value.textValue());
        }
        if (duration == null) {
            errors.add(ValidationError.of(value.isTextual() || value.isNumber() ? "time_delta_parsing" : "time_delta_type",
                    List.of("body", field), "Input should be a valid duration", value));
            return null;
        }
        if (duration.isNegative()) {
            errors.add(new ValidationError("greater_than_equal", List.of("body", field),
                    "Input should be greater than or equal to 0", value, Map.of("ge", 0)));
            return null;
        }
        return duration;
    }

    /** A required list of scopes by wire name: each unknown one is an {@code enum} error at its index. */
    Set<Scope> requiredScopes(String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            missing(field);
            return null;
        }
        if (!value.isArray()) {
            errors.add(ValidationError.of("list_type", List.of("body", field), "Input should be a valid list", value));
            return null;
        }
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        int errorsBefore = errors.size();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            Scope scope = item.isTextual() ? Scope.fromWireName(item.textValue()).orElse(null) : null;
            if (scope == null) {
                errors.add(new ValidationError("enum", List.of("body", field, i),
                        "Input should be a valid scope, such as 'project:read'", item,
                        Map.of("expected", "one of the scopes listed by the OAuthScopeId schema")));
            } else {
                scopes.add(scope);
            }
        }
        return errors.size() == errorsBefore ? scopes : null;
    }

    /**
     * Applies {@code rule} to the value read from {@code field}, recording its refusal as an error at the field, so
     * that a value's constraint (a length, a pattern) is reported with every other error of the body, as pydantic
     * reports them all at once; a value that could not be read (null here) was already reported.
     */
    <T> void check(String field, T value, Consumer<T> rule) {
        if (value == null) {
            return;
        }
        try {
            rule.accept(value);
        } catch (InvalidInputException refused) {
            errors.add(ValidationError.of(refused.type(), List.of("body", field), refused.getMessage(),
                    node.get(field)));
        }
    }

    /** Throws every collected error as one 422; returns normally when there are none. */
    void validate() {
        if (!errors.isEmpty()) {
            throw new ApiException.Invalid(errors);
        }
    }

    private String string(String field, boolean nullable) {
        JsonNode value = node.get(field);
        if (value.isTextual()) {
            return value.textValue();
        }
        if (!value.isNull() || !nullable) {
            errors.add(ValidationError.of("string_type", List.of("body", field), "Input should be a valid string", value));
        }
        return null;
    }

    private void missing(String field) {
        errors.add(ValidationError.of("missing", List.of("body", field), "Field required", node));
    }

    private Instant unixTime(String field, JsonNode value) {
        BigDecimal number = NumericInput.decimal(value);
        Instant instant = number == null ? null : NumericInput.epochInstant(number);
        if (instant == null) {
            errors.add(new ValidationError("datetime_parsing", List.of("body", field),
                    "Input should be a valid datetime", value, Map.of("error", OUT_OF_RANGE)));
        }
        return instant;
    }

    private static <E extends Enum<E> & WireEnum> E byWireName(Class<E> type, String wireName) {
        for (E constant : type.getEnumConstants()) {
            if (constant.wireName().equals(wireName)) {
                return constant;
            }
        }
        return null;
    }

    private static String joinAlternatives(List<String> quoted) {
        if (quoted.size() == 1) {
            return quoted.get(0);
        }
        return String.join(", ", quoted.subList(0, quoted.size() - 1)) + " or " + quoted.get(quoted.size() - 1);
    }
}
