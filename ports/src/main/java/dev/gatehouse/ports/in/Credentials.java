package dev.gatehouse.ports.in;

import dev.gatehouse.ports.model.CredentialView;
import dev.gatehouse.ports.model.CredentialKind;
import dev.gatehouse.ports.model.IssuedCredential;
import dev.gatehouse.ports.model.Principal;
import dev.gatehouse.ports.model.ProjectId;
import java.time.Duration;
import java.util.List;

/**
 * Issues, lists, rotates, expires and revokes API keys, write tokens and read tokens.
 *
 * <p>Scopes: API keys need {@code organization:create_api_key} to create, {@code organization:read_api_key} to
 * list and {@code organization:write_api_key} to change; write tokens need {@code project:write_token} and read
 * tokens {@code project:read_token} for everything. A caller can never create a credential whose scopes or project
 * binding exceed its own.
 */
public interface Credentials {

    /** Creates an API key and returns it with its token, the only time the token is available. */
    IssuedCredential createApiKey(Principal caller, NewApiKey command);

    /** The organization's API keys (bound to the caller's project where it is bound to one), oldest first. */
    List<CredentialView> listApiKeys(Principal caller);

    /** Renames or re-describes an API key. */
    CredentialView updateApiKey(Principal caller, CredentialTarget target, ApiKeyUpdate update);

    /** Creates a write or read token for a project and returns it with its token. */
    IssuedCredential createToken(Principal caller, NewProjectToken command);

    /** The project's tokens of {@code kind}, oldest first, revoked ones included. */
    List<CredentialView> listTokens(Principal caller, ProjectId project, CredentialKind kind);

    /**
     * Atomically replaces a credential: the old one expires now, or after {@code gracePeriod}, and a new one with
     * the same scopes and binding is returned with its token. A credential can be rotated once; rotating it
     * again is a {@code ConflictException}.
     */
    IssuedCredential rotate(Principal caller, CredentialTarget target, Duration gracePeriod);

    /** Sets the credential's expiry to now: it stops authenticating at once. */
    void expire(Principal caller, CredentialTarget target);

    /** Revokes the credential: it stops authenticating at once and for good. */
    void revoke(Principal caller, CredentialTarget target);
}
