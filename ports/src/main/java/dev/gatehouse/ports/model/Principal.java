package dev.gatehouse.ports.model;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Who is acting: a verified credential, or an operator with direct access to the installation.
 *
 * @param credentialId the acting credential, or null for an operator
 * @param projectId the project the principal is bound to, or null for all projects of its organization
 * @param claims the settings its scopes carry, such as an AI gateway key's spending limits; null reads as none
 */
public record Principal(
        CredentialId credentialId,
        CredentialKind kind,
        OrganizationId organizationId,
        ProjectId projectId,
        Set<Scope> scopes,
        ScopeClaims claims) {

    public Principal {
        Objects.requireNonNull(organizationId, "organizationId");
        scopes = ScopeSet.copyOf(scopes);
        claims = claims == null ? ScopeClaims.NONE : claims;
    }

    /** A principal without claims. */
    public Principal(CredentialId credentialId, CredentialKind kind, OrganizationId organizationId,
            ProjectId projectId, Set<Scope> scopes) {
        this(credentialId, kind, organizationId, projectId, scopes, ScopeClaims.NONE);
    }

    /** The principal of a verified credential. */
    public static Principal of(Credential credential) {
        return new Principal(credential.id(), credential.kind(), credential.organizationId(),
                credential.projectId(), credential.scopes(), credential.claims());
    }

    /** An operator of the installation (the CLI, an embedding product's own code), holding every scope of {@code organization}. */
    public static Principal operator(OrganizationId organization) {
        return new Principal(null, null, organization, null, EnumSet.allOf(Scope.class));
    }

    /** Whether the principal holds {@code scope}. */
    public boolean has(Scope scope) {
        return scopes.contains(scope);
    }

    /** Whether the principal may act on {@code project}: bound to it, or to no project. */
    public boolean covers(ProjectId project) {
        return projectId == null || projectId.equals(project);
    }

    /** Whether the principal is an operator rather than a credential. */
    public boolean isOperator() {
        return credentialId == null;
    }
}
