package dev.gatehouse.ports.model;

import java.util.Objects;

/** A credential just created or rotated, with its raw token: the only time the token is ever available. */
public record IssuedCredential(Credential credential, String token) {

    public IssuedCredential {
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(token, "token");
    }

    /** Names the credential but never prints the token, so that logging this value leaks nothing. */
    @Override
    public String toString() {
        return "IssuedCredential[credential=" + credential.id() + ", token=" + credential.tokenPrefix() + "...]";
    }
}
