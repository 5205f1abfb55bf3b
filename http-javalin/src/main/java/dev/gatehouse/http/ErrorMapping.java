package dev.gatehouse.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.ports.model.BusyException;
import dev.gatehouse.ports.model.ConflictException;
import dev.gatehouse.ports.model.ForbiddenException;
import dev.gatehouse.ports.model.InvalidInputException;
import dev.gatehouse.ports.model.NotFoundException;
import dev.gatehouse.ports.model.StorageException;
import dev.gatehouse.ports.model.WindowTooLongException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps every exception to its status and {@code {"detail": ...}} body in one place. Only this class decides what
 * an error response says: bodies never carry a stack trace, a token or a header value.
 */
final class ErrorMapping {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

    private ErrorMapping() {
    }

    static void register(RoutesConfig routes) {
        routes.exception(ApiException.Unauthenticated.class, (e, ctx) -> {
            ctx.header("WWW-Authenticate", "Bearer");
            detail(ctx, 401, e.getMessage());
        });
        routes.exception(ApiException.RateLimited.class, (e, ctx) -> {
            ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
            detail(ctx, 429, e.getMessage());
        });
        routes.exception(ApiException.Invalid.class, (e, ctx) -> detail(ctx, 422, e.errors()));
        routes.exception(ApiException.NotFound.class, (e, ctx) -> detail(ctx, 404, e.getMessage()));
        routes.exception(InvalidInputException.class, (e, ctx) -> detail(ctx, 422, List.of(validationError(e, ctx))));
        routes.exception(WindowTooLongException.class, (e, ctx) -> detail(ctx, 400, e.getMessage()));
        routes.exception(NotFoundException.class, (e, ctx) -> detail(ctx, 404, e.getMessage()));
        routes.exception(ConflictException.class, (e, ctx) -> detail(ctx, 409, e.getMessage()));
        routes.exception(ForbiddenException.class, (e, ctx) -> detail(ctx, 403, e.getMessage()));
        routes.exception(BusyException.class, (e, ctx) -> {
            ctx.header("Retry-After", "1");
            detail(ctx, 503, e.getMessage());
        });
        routes.exception(StorageException.class, (e, ctx) -> {
            LOG.warn("Storage unavailable serving {} {} (request {})", ctx.method(), ctx.path(),
                    RequestIds.of(ctx), e);
            detail(ctx, 503, "Storage unavailable");
        });
        routes.exception(HttpResponseException.class, (e, ctx) -> detail(ctx, e.getStatus(), reason(e.getStatus())));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("Unexpected failure serving {} {} (request {})", ctx.method(), ctx.path(),
                    RequestIds.of(ctx), e);
            detail(ctx, 500, "Internal server error");
        });
    }

    private static void detail(Context ctx, int status, Object detail) {
        ctx.status(status).json(new Wire.Detail(detail));
    }

    private static String reason(int status) {
        if (status == 413) {
            return "Request body too large";
        }
        HttpStatus known = HttpStatus.forStatus(status);
        return known == HttpStatus.UNKNOWN ? "Error" : known.getMessage();
    }

    /** A port's validation failure in the reference's shape, echoing the offending field's input when there is one. */
    private static ValidationError validationError(InvalidInputException e, Context ctx) {
        ObjectNode body = ctx.attribute(Call.BODY_ATTRIBUTE);
        if ("body".equals(e.field())) {
            return ValidationError.of(e.type(), List.of("body"), e.getMessage(), body);
        }
        JsonNode input = body == null ? null : body.get(e.field());
        return ValidationError.of(e.type(), List.of("body", e.field()), e.getMessage(), input);
    }
}
