package dev.gatehouse.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.ports.in.Verifier;
import dev.gatehouse.ports.model.ForbiddenException;
import dev.gatehouse.ports.model.Principal;
import dev.gatehouse.ports.model.VerifyResult;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Runs what every route shares before its handler: authentication, rate limiting, the data-plane scope check and
 * path id parsing. Thread-safe.
 */
final class Dispatcher {

    private final Verifier verifier;
    private final RateLimiter rateLimiter;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final long refusalDelayNanos;

    Dispatcher(Verifier verifier, RateLimiter rateLimiter, ObjectMapper mapper, Clock clock,
            Duration failedAuthenticationDelay) {
        this.verifier = verifier;
        this.rateLimiter = rateLimiter;
        this.mapper = mapper;
        this.clock = clock;
        this.refusalDelayNanos = failedAuthenticationDelay.toNanos();
    }

    /** The Javalin handler serving {@code route}. */
    Handler handlerFor(Route route) {
        return ctx -> dispatch(route, ctx);
    }

    private void dispatch(Route route, Context ctx) throws Exception {
        Principal principal = null;
        if (route.access() != Route.Access.PUBLIC) {
            principal = authenticate(ctx, route.access() == Route.Access.PROJECT_TOKEN);
            if (principal == null) {
                return;
            }
        }
        // The route's scope is checked before anything of the request is read, so that a caller without it learns
        // nothing from the body's validation (FastAPI resolves the security dependency first too). Management ports
        // check their own scopes again; the data-plane port relies on this check alone.
        if (route.access() != Route.Access.PUBLIC && route.scope() != null && !principal.has(route.scope())) {
            throw new ForbiddenException(route.scope());
        }
        route.handler().handle(new Call(ctx, route, principal, pathIds(route, ctx), mapper, clock));
    }

    /** The verified principal, or null once a refusal is on its way: see {@link #refuseLater}. */
    private Principal authenticate(Context ctx, boolean bareTokenAllowed) {
        String token = BearerToken.from(ctx.header("Authorization"), bareTokenAllowed);
        VerifyResult result = token == null ? null : verifier.verify(token);
        if (result instanceof VerifyResult.Verified verified) {
            Principal principal = verified.principal();
            long retryAfter = rateLimiter.acquire("credential:" + principal.credentialId());
            if (retryAfter > 0) {
                throw new ApiException.RateLimited(retryAfter);
            }
            return principal;
        }
        // Failures are counted per client address so that guessing tokens is throttled too.
        long retryAfter = rateLimiter.acquire("address:" + ctx.ip());
        refuseLater(ctx, retryAfter > 0 ? new ApiException.RateLimited(retryAfter) : new ApiException.Unauthenticated());
        return null;
    }

    /**
     * Answers with {@code refusal}, through the exception mapping, once the failed-authentication delay and a random
     * jitter of up to as much again have passed: the request holds its connection but no thread meanwhile, and the
     * jitter keeps a flood's refusals from coming back in step, as bursts that valid requests would queue behind.
     */
    private void refuseLater(Context ctx, ApiException refusal) {
        if (refusalDelayNanos == 0) {
            throw refusal;
        }
        long delay = refusalDelayNanos + ThreadLocalRandom.current().nextLong(refusalDelayNanos + 1);
        Executor later = CompletableFuture.delayedExecutor(delay, TimeUnit.NANOSECONDS);
        ctx.future(() -> CompletableFuture.runAsync(() -> {
            throw refusal;
        }, later));
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
