package dev.gatehouse.ports.in;

import dev.gatehouse.ports.model.Change;
import dev.gatehouse.ports.model.InvalidInputException;
import dev.gatehouse.ports.model.ScopeClaims;
import java.util.Objects;

/**
 * A partial update of an API key's display fields and claims; at least one field must be given.
 *
 * @param claims replaces every claim of the key when set; null, like {@link ScopeClaims#NONE}, removes them
 */
public record ApiKeyUpdate(Change<String> name, Change<String> description, Change<ScopeClaims> claims) {

    public ApiKeyUpdate {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(claims, "claims");
        if (!name.isSet() && !description.isSet() && !claims.isSet()) {
            throw new InvalidInputException("body", "too_short", "At least one field must be given");
        }
        if (name instanceof Change.SetTo<String> set && (set.value() == null || set.value().isEmpty())) {
            throw new InvalidInputException("name", "string_too_short", "String should have at least 1 character");
        }
    }

    /** An update of the display fields only. */
    public ApiKeyUpdate(Change<String> name, Change<String> description) {
        this(name, description, Change.keep());
    }
}
