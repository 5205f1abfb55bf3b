package dev.gatehouse.ports.model;

import java.util.Objects;

/**
 * One field changed by a mutation, as text; secrets are never recorded, only the fact that they changed.
 *
 * @param oldValue the value before, or null where it was absent (an insert) or null
 * @param newValue the value after, or null where it is absent (a delete) or null
 */
public record FieldChange(String field, String oldValue, String newValue) {

    public FieldChange {
        Objects.requireNonNull(field, "field");
    }
}
