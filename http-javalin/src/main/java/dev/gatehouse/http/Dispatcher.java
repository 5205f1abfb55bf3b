package dev.gatehouse.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.ports.in.Verifier;
import dev.gatehouse.ports.model.ForbiddenException;
import dev.gatehouse.ports.model.Principal;
import dev.gatehouse.ports.model.VerifyResult;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Runs what every route shares before its handler: authentication, rate limiting, the data-plane scope check and
 * path id parsing. Thread-safe.
 */
final class Dispatcher {

    private final Verifier verifier;
    private final RateLimiter rateLimiter;
    private final ObjectMapper mapper;
    private final Clock clock;

    Dispatcher(Verifier verifier, RateLimiter rateLimiter, ObjectMapper mapper, Clock clock) {
        this.verifier = verifier;
        this.rateLimiter = rateLimiter;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** The Javalin handler serving {@code route}. */
    Handler handlerFor(Route route) {
        return ctx -> dispatch(route, ctx);
    }

    private void dispatch(Route route, Context ctx) throws Exception {
        Principal principal = switch (route.access()) {
            case PUBLIC -> null;
            case API_KEY -> authenticate(ctx, false);
            case PROJECT_TOKEN -> authenticate(ctx, true);
        };
        // Management ports check their own scopes; the data-plane port needs none, so the route's scope is checked here.
        if (route.access() == Route.Access.PROJECT_TOKEN && !principal.has(route.scope())) {
            throw new ForbiddenException(route.scope());
        }
        route.handler().handle(new Call(ctx, route, principal, pathIds(route, ctx), mapper, clock));
    }

    private Principal authenticate(Context ctx, boolean bareTokenAllowed) {
        String token = BearerToken.from(ctx.header("Authorization"), bareTokenAllowed);
        VerifyResult result = token == null ? null : verifier.verify(token);
        if (result instanceof VerifyResult.Verified verified) {
            Principal principal = verified.principal();
            throttle("credential:" + principal.credentialId());
            return principal;
        }
        // Failures are counted per client address so that guessing tokens is throttled too.
        throttle("address:" + ctx.ip());
        throw new ApiException.Unauthenticated();
    }

    private void throttle(String key) {
        long retryAfter = rateLimiter.acquire(key);
        if (retryAfter > 0) {
            throw new ApiException.RateLimited(retryAfter);
        }
    }

    private static Map<String, UUID> pathIds(Route route, Context ctx) {
        Map<String, UUID> ids = new LinkedHashMap<>();
        List<ValidationError> errors = new ArrayList<>();
        for (String name : route.pathParameters()) {
            if (route.textParameters().contains(name)) {
                continue;
            }
            String text = ctx.pathParam(name);
            UUID id = PathIds.parseUuid(text);
            if (id == null) {
                errors.add(PathIds.uuidError(List.of("path", name), text));
            } else {
                ids.put(name, id);
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException.Invalid(errors);
        }
        return ids;
    }
}
