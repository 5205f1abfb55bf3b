package dev.gatehouse.core;

import dev.gatehouse.ports.model.CredentialKind;
import dev.gatehouse.ports.model.ForbiddenException;
import dev.gatehouse.ports.model.Principal;
import dev.gatehouse.ports.model.ProjectId;
import dev.gatehouse.ports.model.Scope;
import dev.gatehouse.ports.model.ScopeClaims;
import java.util.EnumSet;
import java.util.Set;

/** The scope rules every service applies: required scopes, and the no-escalation rule for new credentials. */
final class Access {

    private Access() {
    }

    /** Throws {@link ForbiddenException} naming {@code scope} unless the caller holds it. */
    static void require(Principal caller, Scope scope) {
        if (!caller.has(scope)) {
            throw new ForbiddenException(scope);
        }
    }

    /** The scope needed to manage credentials of {@code kind}. */
    static Scope managing(CredentialKind kind) {
        return switch (kind) {
            case API_KEY -> Scope.ORGANIZATION_WRITE_API_KEY;
            case WRITE_TOKEN -> Scope.PROJECT_WRITE_TOKEN;
            case READ_TOKEN -> Scope.PROJECT_READ_TOKEN;
        };
    }

    /** The scopes a project token of {@code kind} holds: exactly one. */
    static Set<Scope> tokenScopes(CredentialKind kind) {
        return switch (kind) {
            case WRITE_TOKEN -> EnumSet.of(Scope.PROJECT_WRITE_OTLP);
            case READ_TOKEN -> EnumSet.of(Scope.PROJECT_READ_OTLP);
            case API_KEY -> throw new IllegalArgumentException("an API key has the scopes it is given");
        };
    }

    /**
     * Whether the caller may hand {@code scope} to a new credential of {@code kind}: it holds it, or the credential is
     * a project token and the caller holds the right to mint such tokens. An API key's scopes are a subset of the
     * caller's own, as the reference requires.
     */
    static boolean grants(Principal caller, CredentialKind kind, Scope scope) {
        return caller.has(scope)
                || (kind == CredentialKind.WRITE_TOKEN && scope == Scope.PROJECT_WRITE_OTLP
                        && caller.has(Scope.PROJECT_WRITE_TOKEN))
                || (kind == CredentialKind.READ_TOKEN && scope == Scope.PROJECT_READ_OTLP
                        && caller.has(Scope.PROJECT_READ_TOKEN));
    }

    /**
     * Throws {@link ForbiddenException} unless a credential of {@code kind} with {@code scopes} bound to
     * {@code project} (null for all projects) lies within the caller's own grant and binding; names the first scope
     * it lacks.
     */
    static void requireWithinGrant(Principal caller, CredentialKind kind, Set<Scope> scopes, ProjectId project) {
        for (Scope scope : EnumSet.copyOf(scopes)) {
            if (!grants(caller, kind, scope)) {
                throw new ForbiddenException(scope);
            }
        }
        if (caller.projectId() != null && !caller.projectId().equals(project)) {
            throw new ForbiddenException(project == null
                    ? "A credential bound to one project cannot create one for all projects"
                    : "A credential bound to one project cannot create one for another project");
        }
    }

    /**
     * Throws {@link ForbiddenException} unless {@code claims} spend no more than the caller's own: a key with a
     * spending limit cannot give one without it, or lift its own.
     */
    static void requireClaimsWithinGrant(Principal caller, ScopeClaims claims) {
        if (!claims.gatewayProxy().isWithin(caller.claims().gatewayProxy())) {
            throw new ForbiddenException("A key with spending limits cannot give a key higher limits, or none: the"
                    + " limits of project:gateway_proxy must be at most the caller's own");
        }
    }
}
