package dev.gatehouse.ports.in;

import dev.gatehouse.ports.model.CredentialId;
import dev.gatehouse.ports.model.CredentialKind;
import dev.gatehouse.ports.model.ProjectId;
import java.util.Objects;

/**
 * Names the credential an operation acts on, as a request path does: a credential of another kind, or not
 * bound to {@code projectId} where one is given, is reported as not found.
 *
 * @param projectId the project from the path, or null for organization-level API keys
 */
public record CredentialTarget(CredentialId id, CredentialKind kind, ProjectId projectId) {

    public CredentialTarget {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
    }

    /** An API key addressed by id alone. */
    public static CredentialTarget apiKey(CredentialId id) {
        return new CredentialTarget(id, CredentialKind.API_KEY, null);
    }

    /** A write or read token of {@code project}. */
    public static CredentialTarget token(ProjectId project, CredentialKind kind, CredentialId id) {
        return new CredentialTarget(id, kind, Objects.requireNonNull(project, "project"));
    }
}
