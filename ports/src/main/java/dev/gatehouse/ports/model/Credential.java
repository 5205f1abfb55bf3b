package dev.gatehouse.ports.model;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * An API key, write token or read token, as stored: its hash and display prefix, never the raw token.
 *
 * @param projectId the project the credential is bound to, or null for an API key covering all projects
 * @param name the API key's name; null for write and read tokens
 * @param tokenPrefix the first characters of the token, for display ({@code gth_wt_AbCd})
 * @param createdBy the credential that created this one, or null when an operator or the bootstrap did
 * @param rotatedFrom the credential this one replaced by rotation, or null; at most one credential names a given one
 * @param claims the settings its scopes carry ({@link ScopeClaims#NONE} for a token, and for a key without any); null
 *     reads as none
 */
public record Credential(
        CredentialId id,
        OrganizationId organizationId,
        ProjectId projectId,
        CredentialKind kind,
        String name,
        String description,
        Set<Scope> scopes,
        TokenHash tokenHash,
        String tokenPrefix,
        Instant createdAt,
        CredentialId createdBy,
        Instant expiresAt,
        Instant lastUsedAt,
        Instant revokedAt,
        Instant updatedAt,
        CredentialId updatedBy,
        CredentialId rotatedFrom,
        ScopeClaims claims) {

    public Credential {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(tokenPrefix, "tokenPrefix");
        Objects.requireNonNull(createdAt, "createdAt");
        if (kind != CredentialKind.API_KEY && projectId == null) {
            throw new IllegalArgumentException("a " + kind + " belongs to one project");
        }
        if (kind == CredentialKind.API_KEY && (name == null || name.isBlank())) {
            throw new InvalidInputException("name", "string_too_short", "String should have at least 1 character");
        }
        if (scopes == null || scopes.isEmpty()) {
            throw new InvalidInputException("scopes", "too_short", "List should have at least 1 item");
        }
        scopes = Collections.unmodifiableSet(EnumSet.copyOf(scopes));
        claims = claims == null ? ScopeClaims.NONE : claims;
        for (Scope scope : claims.scopes()) {
            if (!scopes.contains(scope)) {
                throw new InvalidInputException("claims", "value_error",
                        "claims for " + scope.wireName() + " need a key holding that scope");
            }
        }
        createdAt = Timestamps.micros(createdAt);
        expiresAt = Timestamps.micros(expiresAt);
        lastUsedAt = Timestamps.micros(lastUsedAt);
        revokedAt = Timestamps.micros(revokedAt);
        updatedAt = Timestamps.micros(updatedAt);
    }

    /** Whether this credential covers every project of its organization rather than one. */
    public boolean allProjects() {
        return projectId == null;
    }

    /** Whether the credential authenticates at {@code now}: not revoked and not past its expiry. */
    public boolean isActiveAt(Instant now) {
        return revokedAt == null && !isExpiredAt(now);
    }

    /** Whether {@code expires_at} is set and not after {@code now}. */
    public boolean isExpiredAt(Instant now) {
        return expiresAt != null && !expiresAt.isAfter(now);
    }

    /** Whether this credential may act on {@code project}: it is bound to it, or to no project at all. */
    public boolean covers(ProjectId project) {
        return projectId == null || projectId.equals(project);
    }

    /** A copy whose expiry is {@code newExpiresAt}, updated by {@code actor} at {@code at}. */
    public Credential withExpiry(Instant newExpiresAt, CredentialId actor, Instant at) {
        return new Credential(id, organizationId, projectId, kind, name, description, scopes, tokenHash, tokenPrefix,
                createdAt, createdBy, newExpiresAt, lastUsedAt, revokedAt, at, actor, rotatedFrom, claims);
    }

    /** A copy revoked at {@code at} by {@code actor}. */
    public Credential revoked(CredentialId actor, Instant at) {
        return new Credential(id, organizationId, projectId, kind, name, description, scopes, tokenHash, tokenPrefix,
                createdAt, createdBy, expiresAt, lastUsedAt, at, at, actor, rotatedFrom, claims);
    }

    /** A copy with a new name, description and claims, updated by {@code actor} at {@code at}. */
    public Credential edited(String newName, String newDescription, ScopeClaims newClaims, CredentialId actor,
            Instant at) {
        return new Credential(id, organizationId, projectId, kind, newName, newDescription, scopes, tokenHash,
                tokenPrefix, createdAt, createdBy, expiresAt, lastUsedAt, revokedAt, at, actor, rotatedFrom, newClaims);
    }

    /** A copy with {@code last_used_at} set to {@code at}. */
    public Credential usedAt(Instant at) {
        return new Credential(id, organizationId, projectId, kind, name, description, scopes, tokenHash, tokenPrefix,
                createdAt, createdBy, expiresAt, at, revokedAt, updatedAt, updatedBy, rotatedFrom, claims);
    }
}
