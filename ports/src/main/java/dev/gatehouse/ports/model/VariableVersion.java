package dev.gatehouse.ports.model;

import java.time.Instant;
import java.util.Objects;

/**
 * An immutable, numbered snapshot of a variable's value.
 *
 * @param serializedValue the value as the application serialises it (JSON text for the Logfire SDK)
 * @param createdBy the credential that created it, or null for an operator
 */
public record VariableVersion(int number, String serializedValue, Instant createdAt, CredentialId createdBy) {

    public VariableVersion {
        if (number < 1) {
            throw new IllegalArgumentException("versions are numbered from 1");
        }
        Objects.requireNonNull(serializedValue, "serializedValue");
        createdAt = Timestamps.micros(Objects.requireNonNull(createdAt, "createdAt"));
    }
}
