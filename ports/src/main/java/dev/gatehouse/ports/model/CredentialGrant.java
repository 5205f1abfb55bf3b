package dev.gatehouse.ports.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * What a credential grants, which is all that verifying its token needs: a narrower read than the whole
 * {@link Credential}, made by every verification that misses the cache.
 *
 * @param projectId the project the credential is bound to, or null for an API key covering all projects
 * @param scopes its scopes, in a set of the principal's own kind, which every principal built from it shares
 * @param expiresAt when it stops verifying, or null for never
 * @param claims the settings its scopes carry; null reads as none
 */
public record CredentialGrant(
        CredentialId id,
        CredentialKind kind,
        OrganizationId organizationId,
        ProjectId projectId,
        Set<Scope> scopes,
        Instant expiresAt,
        boolean revoked,
        ScopeClaims claims) {

    public CredentialGrant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(organizationId, "organizationId");
        scopes = ScopeSet.copyOf(Objects.requireNonNull(scopes, "scopes"));
        expiresAt = Timestamps.micros(expiresAt);
        claims = claims == null ? ScopeClaims.NONE : claims;
    }

    /** What {@code credential} grants. */
    public static CredentialGrant of(Credential credential) {
        return new CredentialGrant(credential.id(), credential.kind(), credential.organizationId(),
                credential.projectId(), credential.scopes(), credential.expiresAt(), credential.revokedAt() != null,
                credential.claims());
    }
}
