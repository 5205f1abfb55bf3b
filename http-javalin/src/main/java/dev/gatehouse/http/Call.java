package dev.gatehouse.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.ports.model.AlertId;
import dev.gatehouse.ports.model.AuditEntryId;
import dev.gatehouse.ports.model.ChannelId;
import dev.gatehouse.ports.model.CredentialId;
import dev.gatehouse.ports.model.DashboardId;
import dev.gatehouse.ports.model.Principal;
import dev.gatehouse.ports.model.ProjectId;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One request as a handler sees it: the verified caller, the parsed path ids, the body, and the response.
 * Not thread-safe: one per request.
 */
final class Call {

    /** The context attribute holding the parsed request body, for echoing input in validation errors. */
    static final String BODY_ATTRIBUTE = "gatehouse.body";

    private final Context ctx;
    private final Route route;
    private final Principal principal;
    private final Map<String, UUID> pathIds;
    private final ObjectMapper mapper;
    private final Clock clock;

    Call(Context ctx, Route route, Principal principal, Map<String, UUID> pathIds, ObjectMapper mapper, Clock clock) {
        this.ctx = ctx;
        this.route = route;
        this.principal = principal;
        this.pathIds = Map.copyOf(pathIds);
        this.mapper = mapper;
        this.clock = clock;
    }

    /** The verified caller; null on public routes. */
    Principal principal() {
        return principal;
    }

    ProjectId projectId() {
        return new ProjectId(pathId("project_id"));
    }

    CredentialId credentialId(String parameter) {
        return new CredentialId(pathId(parameter));
    }

    ChannelId channelId() {
        return new ChannelId(pathId("channel_id"));
    }

    AuditEntryId auditEntryId() {
        return new AuditEntryId(pathId("audit_log_id"));
    }

    DashboardId dashboardId() {
        return new DashboardId(pathId("dashboard_id"));
    }

    AlertId alertId() {
        return new AlertId(pathId("alert_id"));
    }

    /** The text of the path parameter {@code parameter}, which the route declares as text rather than a UUID. */
    String pathText(String parameter) {
        if (!route.textParameters().contains(parameter)) {
            throw new IllegalStateException("route " + route.path() + " has no text path parameter " + parameter);
        }
        return ctx.pathParam(parameter);
    }

    Instant now() {
        return clock.instant();
    }

    /**
     * The JSON object body: an empty body is a {@code missing} error where the route requires one and {@code {}}
     * otherwise; malformed JSON is {@code json_invalid}; anything but an object is {@code model_attributes_type}.
     */
    JsonBody body() {
        byte[] bytes = ctx.bodyAsBytes();
        boolean required = route.request() != null && route.request().required();
        if (isBlank(bytes)) {
            if (required) {
                throw new ApiException.Invalid(List.of(ValidationError.of("missing", List.of("body"), "Field required", null)));
            }
            return new JsonBody(mapper.createObjectNode());
        }
        JsonNode node;
        try {
            node = mapper.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new ApiException.Invalid(List.of(jsonInvalid(e, bytes)));
        } catch (IOException e) {
            throw new ApiException.Invalid(List.of(ValidationError.of("json_invalid", List.of("body", 0),
                    "JSON decode error", mapper.createObjectNode())));
        }
        if (node.isNull() && !required) {
            return new JsonBody(mapper.createObjectNode());
        }
        if (!(node instanceof ObjectNode object)) {
            throw new ApiException.Invalid(List.of(ValidationError.of("model_attributes_type", List.of("body"),
                    "Input should be a valid dictionary or object to extract fields from", node)));
        }
        NulCharacters.requireNone(object, List.of("body"));
        ctx.attribute(BODY_ATTRIBUTE, object);
        return new JsonBody(object);
    }

    /** The query parameters, read against their documented types. */
    QueryParams query() {
        return new QueryParams(ctx.queryParamMap());
    }

    /** Answers {@code status} with {@code body} as JSON. */
    void json(int status, Object body) {
        ctx.status(status).json(body);
    }

    /** Answers {@code status} with a freshly issued token, which no cache may keep. */
    void secret(int status, Object body) {
        ctx.header("Cache-Control", "no-store");
        json(status, body);
    }

    /** Answers 204 without a body. */
    void noContent() {
        ctx.status(204);
    }

    /** Answers 200 with a ready-made body of {@code contentType}. */
    void text(String body, String contentType) {
        ctx.status(200).contentType(contentType).result(body);
    }

    private UUID pathId(String parameter) {
        UUID id = pathIds.get(parameter);
        if (id == null) {
            throw new IllegalStateException("route " + route.path() + " has no path parameter " + parameter);
        }
        return id;
    }

    /**
     * The {@code json_invalid} error of a body that does not parse, located as Python locates it: by the number of
     * characters (code points) before the fault, where Jackson counts the bytes of the UTF-8 text.
     */
    private ValidationError jsonInvalid(JsonProcessingException e, byte[] bytes) {
        JsonLocation location = e.getLocation();
        long byteOffset = location == null ? 0 : Math.max(0, Math.min(bytes.length, location.getByteOffset()));
        long position = new String(bytes, 0, (int) byteOffset, StandardCharsets.UTF_8).codePoints().count();
        // Jackson's message quotes the offending input, which could be a secret pasted by mistake: never echo it.
        String error = e instanceof JsonEOFException ? "Unexpected end of input" : "Invalid JSON";
        return new ValidationError("json_invalid", List.of("body", position), "JSON decode error",
                mapper.createObjectNode(), Map.of("error", error));
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }
}
