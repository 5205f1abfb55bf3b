package dev.gatehouse.ports.in;

import dev.gatehouse.ports.model.Change;
import dev.gatehouse.ports.model.InvalidInputException;
import java.util.Objects;

/** A partial update of an API key's display fields; at least one field must change. */
public record ApiKeyUpdate(Change<String> name, Change<String> description) {

    public ApiKeyUpdate {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        if (!name.isSet() && !description.isSet()) {
            throw new InvalidInputException("body", "too_short", "At least one field must be given");
        }
        if (name instanceof Change.SetTo<String> set && (set.value() == null || set.value().isEmpty())) {
            throw new InvalidInputException("name", "string_too_short", "String should have at least 1 character");
        }
    }
}
