package dev.gatehouse.ports.model;

import java.util.Objects;

/** A credential just created or rotated, with its raw token: the only time the token is ever available. */
public record IssuedCredential(CredentialView view, String token) {

    public IssuedCredential {
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(token, "token");
    }

    /** The stored credential. */
    public Credential credential() {
        return view.credential();
    }

    /** Names the credential but never prints the token, so that logging this value leaks nothing. */
    @Override
    public String toString() {
        return "IssuedCredential[credential=" + credential().id() + ", token=" + credential().tokenPrefix() + "...]";
    }
}
