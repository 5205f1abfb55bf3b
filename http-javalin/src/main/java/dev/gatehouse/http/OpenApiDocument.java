package dev.gatehouse.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** Generates the server's OpenAPI 3.1 document from the same route table that registers the routes. */
final class OpenApiDocument {

    private static final String SECURITY_SCHEME = "bearer";

    private OpenApiDocument() {
    }

    /** The document describing exactly {@code routes}, as JSON text. */
    static String build(List<Route> routes, ObjectMapper mapper) {
        ObjectNode root = mapper.createObjectNode();
        root.put("openapi", "3.1.0");
        ObjectNode info = root.putObject("info");
        info.put("title", "Gatehouse API");
        info.put("version", version());
        info.put("description", "Credentials, projects and tokens, wire-compatible with the Logfire public API."
                + " Authenticate with `Authorization: Bearer <token>`; each operation names the scope it needs.");
        ObjectNode paths = root.putObject("paths");
        for (Route route : routes) {
            ObjectNode pathItem = paths.has(route.path()) ? (ObjectNode) paths.get(route.path()) : paths.putObject(route.path());
            pathItem.set(route.method().name().toLowerCase(Locale.ROOT), operation(route, mapper));
        }
        ObjectNode components = root.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        Schemas.all().forEach(schemas::set);
        ObjectNode bearer = components.putObject("securitySchemes").putObject(SECURITY_SCHEME);
        bearer.put("type", "http");
        bearer.put("scheme", "bearer");
        bearer.put("description", "An API key (gth_ak_...), or on the data-plane routes a write or read token.");
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the OpenAPI document does not serialise", e);
        }
    }

    private static ObjectNode operation(Route route, ObjectMapper mapper) {
        ObjectNode operation = mapper.createObjectNode();
        operation.putArray("tags").add(route.tag());
        operation.put("summary", route.summary());
        operation.put("operationId", route.operationId());
        ArrayNode security = operation.putArray("security");
        if (route.access() != Route.Access.PUBLIC) {
            security.addObject().putArray(SECURITY_SCHEME).add(route.scope().wireName());
            operation.put("description", "Requires scope `" + route.scope().wireName() + "`.");
        }
        List<String> parameters = route.pathParameters();
        if (!parameters.isEmpty() || !route.queryParameters().isEmpty()) {
            ArrayNode params = operation.putArray("parameters");
            for (String name : parameters) {
                ObjectNode param = params.addObject();
                param.put("name", name);
                param.put("in", "path");
                param.put("required", true);
                param.set("schema", route.textParameters().contains(name) ? Schemas.string() : Schemas.uuid());
            }
            for (Route.QueryParameter query : route.queryParameters()) {
                ObjectNode param = params.addObject();
                param.put("name", query.name());
                param.put("in", "query");
                param.put("required", query.required());
                param.put("description", query.description());
                param.set("schema", query.schema());
            }
        }
        if (route.request() != null) {
            ObjectNode body = operation.putObject("requestBody");
            body.put("required", route.request().required());
            body.putObject("content").putObject(route.request().mediaType()).set("schema", schema(route.request()));
        }
        ObjectNode responses = operation.putObject("responses");
        ObjectNode success = responses.putObject(Integer.toString(route.status()));
        success.put("description", "Successful Response");
        if (route.response() != null) {
            ObjectNode media = success.putObject("content").putObject(route.response().mediaType());
            if (route.response().schema() != null) {
                media.set("schema", schema(route.response()));
            }
        }
        for (Map.Entry<Integer, String> error : errors(route).entrySet()) {
            ObjectNode response = responses.putObject(Integer.toString(error.getKey()));
            response.put("description", error.getValue());
            String schema = error.getKey() == 422 ? "HTTPValidationError" : "HTTPExceptionError";
            response.putObject("content").putObject("application/json").set("schema", Schemas.ref(schema));
            if (error.getKey() == 429) {
                response.putObject("headers").putObject("Retry-After")
                        .put("description", "Whole seconds to wait before retrying.")
                        .putObject("schema").put("type", "integer");
            }
            if (error.getKey() == 401) {
                response.putObject("headers").putObject("WWW-Authenticate")
                        .putObject("schema").put("type", "string");
            }
        }
        return operation;
    }

    private static Map<Integer, String> errors(Route route) {
        TreeSet<Integer> statuses = new TreeSet<>(route.extraErrors());
        if (route.access() != Route.Access.PUBLIC) {
            statuses.addAll(List.of(401, 403, 429, 503));
        }
        if (!route.pathParameters().isEmpty()) {
            statuses.addAll(List.of(404, 422));
        }
        if (!route.queryParameters().isEmpty()) {
            statuses.add(422);
        }
        if (route.request() != null) {
            statuses.addAll(List.of(413, 422));
        }
        Map<Integer, String> described = new LinkedHashMap<>();
        for (int status : statuses) {
            described.put(status, describe(status));
        }
        return described;
    }

    private static String describe(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Invalid authentication credentials";
            case 403 -> "The credential lacks the required scope, or asked for more than its own grant";
            case 404 -> "Not found, or outside the credential's organization or project";
            case 409 -> "Conflict with the current state";
            case 413 -> "Request body too large";
            case 422 -> "Validation Error";
            case 429 -> "Rate limit exceeded";
            case 503 -> "Storage unavailable";
            default -> "Error";
        };
    }

    private static ObjectNode schema(Route.Payload payload) {
        ObjectNode ref = Schemas.ref(payload.schema());
        return payload.array() ? Schemas.array(ref) : ref;
    }

    private static String version() {
        String version = OpenApiDocument.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
