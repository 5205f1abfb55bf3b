package dev.gatehouse.ports.model;

import java.util.Objects;
import java.util.UUID;

/** The identity of a credential (API key, write token or read token). */
public record CredentialId(UUID value) {

    public CredentialId {
        Objects.requireNonNull(value, "value");
    }

    /** A new random id. */
    public static CredentialId random() {
        return new CredentialId(UUID.randomUUID());
    }

    /** Parses the canonical UUID text form; throws {@link IllegalArgumentException} on anything else. */
    public static CredentialId parse(String text) {
        return new CredentialId(Uuids.parse(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
