package dev.gatehouse.ports.in;

import dev.gatehouse.ports.model.CredentialKind;
import dev.gatehouse.ports.model.ProjectId;
import java.time.Instant;
import java.util.Objects;

/**
 * The command to create a write or read token for a project.
 *
 * @param expiresAt when the token stops authenticating, or null for never
 */
public record NewProjectToken(ProjectId projectId, CredentialKind kind, String description, Instant expiresAt) {

    public NewProjectToken {
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(kind, "kind");
        if (kind == CredentialKind.API_KEY) {
            throw new IllegalArgumentException("a project token is a write or read token");
        }
    }
}
