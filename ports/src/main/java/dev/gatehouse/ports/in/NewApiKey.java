package dev.gatehouse.ports.in;

import dev.gatehouse.ports.model.InvalidInputException;
import dev.gatehouse.ports.model.ProjectId;
import dev.gatehouse.ports.model.Scope;
import dev.gatehouse.ports.model.ScopeClaims;
import java.time.Instant;
import java.util.Set;

/**
 * The command to create an API key.
 *
 * @param projectId the one project the key may act on, or null for every project of the organization
 * @param expiresAt when the key stops authenticating, or null for never
 * @param claims the settings its scopes carry; null means none
 */
public record NewApiKey(String name, String description, Set<Scope> scopes, ProjectId projectId, Instant expiresAt,
        ScopeClaims claims) {

    public NewApiKey {
        requireValidName(name);
        scopes = Set.copyOf(requireScopes(scopes));
        claims = claims == null ? ScopeClaims.NONE : claims;
    }

    /** Returns {@code name} if it has at least one character, else throws {@link InvalidInputException}. */
    public static String requireValidName(String name) {
        if (name == null || name.isEmpty()) {
            throw new InvalidInputException("name", "string_too_short", "String should have at least 1 character");
        }
        return name;
    }

    /** Returns {@code scopes} if it holds at least one scope, else throws {@link InvalidInputException}. */
    public static Set<Scope> requireScopes(Set<Scope> scopes) {
        if (scopes == null || scopes.isEmpty()) {
            throw new InvalidInputException("scopes", "too_short", "List should have at least 1 item");
        }
        return scopes;
    }

    /** A key without claims. */
    public NewApiKey(String name, String description, Set<Scope> scopes, ProjectId projectId, Instant expiresAt) {
        this(name, description, scopes, projectId, expiresAt, ScopeClaims.NONE);
    }
}
