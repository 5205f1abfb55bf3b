package dev.gatehouse.http;

import static dev.gatehouse.http.Route.route;

import dev.gatehouse.ports.in.ApiKeyUpdate;
import dev.gatehouse.ports.in.CredentialTarget;
import dev.gatehouse.ports.in.Credentials;
import dev.gatehouse.ports.in.NewApiKey;
import dev.gatehouse.ports.model.Change;
import dev.gatehouse.ports.model.ProjectId;
import dev.gatehouse.ports.model.Scope;
import dev.gatehouse.ports.model.ScopeClaims;
import io.javalin.http.HandlerType;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** {@code /api/v1/api-keys/}: list, create, update (name, description, claims) and revoke API keys. */
final class ApiKeyRoutes {

    private static final String TAG = "API Keys";
    private static final String COLLECTION = "/api/v1/api-keys/";
    private static final String ITEM = "/api/v1/api-keys/{api_key_id}/";

    private final Credentials credentials;

    ApiKeyRoutes(Credentials credentials) {
        this.credentials = credentials;
    }

    List<Route> routes() {
        return List.of(
                route(HandlerType.GET, COLLECTION, "list_organization_api_keys", "List Organization Api Keys", TAG)
                        .apiKey(Scope.ORGANIZATION_READ_API_KEY)
                        .answers(200, Route.Payload.jsonArray("APIKeyRead"))
                        .handledBy(this::list),
                route(HandlerType.POST, COLLECTION, "create_organization_api_key", "Create Organization Api Key", TAG)
                        .apiKey(Scope.ORGANIZATION_CREATE_API_KEY)
                        .accepts(Route.Payload.json("APIKeyCreate"))
                        .answers(201, Route.Payload.json("APIKeyCreateOutput"))
                        .alsoFails(404)
                        .handledBy(this::create),
                route(HandlerType.PATCH, ITEM, "update_organization_api_key", "Update Organization Api Key", TAG)
                        .apiKey(Scope.ORGANIZATION_WRITE_API_KEY)
                        .accepts(Route.Payload.json("APIKeyUpdate"))
                        .answers(200, Route.Payload.json("APIKeyRead"))
                        .handledBy(this::update),
                route(HandlerType.DELETE, ITEM, "revoke_organization_api_key", "Revoke Organization Api Key", TAG)
                        .apiKey(Scope.ORGANIZATION_WRITE_API_KEY)
                        .answers(204, null)
                        .handledBy(this::revoke));
    }

    private void list(Call call) {
        Instant now = call.now();
        call.json(200, credentials.listApiKeys(call.principal()).stream()
                .map(view -> Wire.ApiKeyRead.of(view, now))
                .toList());
    }

    private void create(Call call) {
        JsonBody body = call.body();
        String name = body.requiredString("name");
        Set<Scope> scopes = body.requiredScopes("scopes");
        String description = body.optionalString("description");
        UUID projectId = body.optionalUuid("project_id");
        Instant expiresAt = body.optionalInstant("expires_at");
        ScopeClaims claims = body.optionalClaims("claims");
        body.check("name", name, NewApiKey::requireValidName);
        body.check("scopes", scopes, NewApiKey::requireScopes);
        body.validate();
        NewApiKey command = new NewApiKey(name, description, scopes,
                projectId == null ? null : new ProjectId(projectId), expiresAt, claims);
        call.secret(201, Wire.ApiKeyCreateOutput.of(credentials.createApiKey(call.principal(), command), call.now()));
    }

    /**
     * Renames, re-describes or replaces the claims: an absent field is kept, a null description is cleared; no field
     * at all is a 422.
     */
    private void update(Call call) {
        JsonBody body = call.body();
        Change<String> name = body.nonNullString("name");
        Change<String> description = body.clearableString("description");
        Change<ScopeClaims> claims = body.claimsChange("claims");
        body.validate();
        ApiKeyUpdate update = new ApiKeyUpdate(name, description, claims);
        call.json(200, Wire.ApiKeyRead.of(credentials.updateApiKey(call.principal(), target(call), update), call.now()));
    }

    private void revoke(Call call) {
        credentials.revoke(call.principal(), target(call));
        call.noContent();
    }

    private static CredentialTarget target(Call call) {
        return CredentialTarget.apiKey(call.credentialId("api_key_id"));
    }
}
