package dev.gatehouse.core;

import dev.gatehouse.ports.model.CredentialKind;
import dev.gatehouse.ports.model.ForbiddenException;
import dev.gatehouse.ports.model.Principal;
import dev.gatehouse.ports.model.ProjectId;
import dev.gatehouse.ports.model.Scope;
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
     * Whether the caller may hand {@code scope} to a new credential: it holds it, or holds the right to mint the
     * tokens that carry it.
     */
    static boolean grants(Principal caller, Scope scope) {
        return caller.has(scope)
                || (scope == Scope.PROJECT_WRITE_OTLP && caller.has(Scope.PROJECT_WRITE_TOKEN))
                || (scope == Scope.PROJECT_READ_OTLP && caller.has(Scope.PROJECT_READ_TOKEN));
    }

    /**
     * Throws {@link ForbiddenException} unless a credential with {@code scopes} bound to {@code project} (null for
     * all projects) lies within the caller's own grant and binding; names the first scope it lacks.
     */
    static void requireWithinGrant(Principal caller, Set<Scope> scopes, ProjectId project) {
        for (Scope scope : EnumSet.copyOf(scopes)) {
            if (!grants(caller, scope)) {
                throw new ForbiddenException(scope);
            }
        }
        if (caller.projectId() != null && !caller.projectId().equals(project)) {
            throw new ForbiddenException(project == null
                    ? "A credential bound to one project cannot create one for all projects"
                    : "A credential bound to one project cannot create one for another project");
        }
    }
}
