package dev.gatehouse.ports.model;

import java.util.Objects;

/**
 * A credential with the names a listing shows beside it.
 *
 * @param projectName the name of the project the credential is bound to, or null for an all-projects API key
 * @param createdByName the name of the API key that created it, or null when an operator or the bootstrap did
 */
public record CredentialView(Credential credential, String projectName, String createdByName) {

    public CredentialView {
        Objects.requireNonNull(credential, "credential");
    }
}
