package dev.gatehouse.http;

import static dev.gatehouse.http.Route.route;

import dev.gatehouse.ports.in.CredentialTarget;
import dev.gatehouse.ports.in.Credentials;
import dev.gatehouse.ports.in.NewProjectToken;
import dev.gatehouse.ports.model.CredentialKind;
import dev.gatehouse.ports.model.Scope;
import io.javalin.http.HandlerType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** {@code /api/v1/projects/{project_id}/write-tokens/} or {@code .../read-tokens/}: one family of project tokens. */
final class TokenRoutes {

    private final Credentials credentials;
    private final CredentialKind kind;
    private final String segment;
    private final String noun;
    private final Scope scope;
    private final String createInput;
    private final String createOutput;
    private final String listItem;

    private TokenRoutes(Credentials credentials, CredentialKind kind, String segment, String noun, Scope scope,
                        String createInput, String createOutput, String listItem) {
        this.credentials = credentials;
        this.kind = kind;
        this.segment = segment;
        this.noun = noun;
        this.scope = scope;
        this.createInput = createInput;
        this.createOutput = createOutput;
        this.listItem = listItem;
    }

    static TokenRoutes writeTokens(Credentials credentials) {
        return new TokenRoutes(credentials, CredentialKind.WRITE_TOKEN, "write-tokens", "write_token",
                Scope.PROJECT_WRITE_TOKEN, "CreateWriteTokenInput", "CreateWriteTokenOutput", "WriteTokenRead");
    }

    static TokenRoutes readTokens(Credentials credentials) {
        return new TokenRoutes(credentials, CredentialKind.READ_TOKEN, "read-tokens", "read_token",
                Scope.PROJECT_READ_TOKEN, "CreateReadTokenInput", "ReadTokenPublicAPIRead", "ReadTokenRead");
    }

    List<Route> routes() {
        String collection = "/api/v1/projects/{project_id}/" + segment + "/";
        String item = collection + "{token_id}/";
        String title = noun.equals("write_token") ? "Write Token" : "Read Token";
        String tag = "Projects";
        return List.of(
                route(HandlerType.GET, collection, "list_" + noun + "s", "List " + title + "s", tag)
                        .apiKey(scope)
                        .answers(200, Route.Payload.jsonArray(listItem))
                        .handledBy(this::list),
                route(HandlerType.POST, collection, "create_" + noun, "Create " + title, tag)
                        .apiKey(scope)
                        .accepts(Route.Payload.optionalJson(createInput))
                        .answers(201, Route.Payload.json(createOutput))
                        .handledBy(this::create),
                route(HandlerType.POST, item + "rotate/", "rotate_" + noun, "Rotate " + title, tag)
                        .apiKey(scope)
                        .accepts(Route.Payload.optionalJson("RotateTokenInput"))
                        .answers(201, Route.Payload.json(createOutput))
                        .alsoFails(409)
                        .handledBy(this::rotate),
                route(HandlerType.PATCH, item + "expire/", "expire_" + noun, "Expire " + title, tag)
                        .apiKey(scope)
                        .answers(204, null)
                        .handledBy(this::expire),
                route(HandlerType.DELETE, item, "revoke_" + noun, "Revoke " + title, tag)
                        .apiKey(scope)
                        .answers(204, null)
                        .handledBy(this::revoke));
    }

    private void list(Call call) {
        Instant now = call.now();
        call.json(200, credentials.listTokens(call.principal(), call.projectId(), kind).stream()
                .map(view -> Wire.TokenRead.of(view, now))
                .toList());
    }

    private void create(Call call) {
        JsonBody body = call.body();
        Instant expiresAt = body.optionalInstant("expires_at");
        String description = body.optionalString("description");
        body.validate();
        NewProjectToken command = new NewProjectToken(call.projectId(), kind, description, expiresAt);
        call.secret(201, Wire.TokenCreated.of(credentials.createToken(call.principal(), command)));
    }

    /** Rotation expires the old token now, or after the optional {@code grace_period} of the body. */
    private void rotate(Call call) {
        JsonBody body = call.body();
        Duration gracePeriod = body.optionalDuration("grace_period");
        body.validate();
        call.secret(201, Wire.TokenCreated.of(credentials.rotate(call.principal(), target(call),
                gracePeriod == null ? Duration.ZERO : gracePeriod)));
    }

    private void expire(Call call) {
        credentials.expire(call.principal(), target(call));
        call.noContent();
    }

    private void revoke(Call call) {
        credentials.revoke(call.principal(), target(call));
        call.noContent();
    }

    private CredentialTarget target(Call call) {
        return CredentialTarget.token(call.projectId(), kind, call.credentialId("token_id"));
    }
}
