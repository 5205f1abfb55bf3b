package dev.gatehouse.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.ports.model.Scope;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One row of the route table: everything needed both to serve the operation and to document it, so that the
 * OpenAPI document cannot drift from what is served.
 *
 * @param path the Javalin path, whose {@code {name}} parameters are UUIDs unless listed in {@code textParameters}
 * @param scope the scope the reference requires, or null for none
 * @param request the request body, or null for none
 * @param response the success body, or null for an empty one
 * @param extraErrors error statuses beyond those implied by access, path parameters and body
 * @param queryParameters the query parameters the handler reads, in the order they are documented
 * @param textParameters the path parameters taken as text rather than parsed as UUIDs
 */
record Route(
        HandlerType method,
        String path,
        String operationId,
        String summary,
        String tag,
        Access access,
        Scope scope,
        Payload request,
        int status,
        Payload response,
        List<Integer> extraErrors,
        List<QueryParameter> queryParameters,
        List<String> textParameters,
        RouteHandler handler) {

    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([a-z_]+)}");

    Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(operationId, "operationId");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(handler, "handler");
        extraErrors = List.copyOf(extraErrors);
        queryParameters = List.copyOf(queryParameters);
        textParameters = List.copyOf(textParameters);
        if (access == Access.PROJECT_TOKEN && scope == null) {
            throw new IllegalArgumentException("a data-plane route names the scope it checks");
        }
    }

    /** The names of the path parameters, in order of appearance. */
    List<String> pathParameters() {
        List<String> names = new ArrayList<>();
        Matcher matcher = PATH_PARAMETER.matcher(path);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** Who may call a route and how its credential is presented. */
    enum Access {
        /** No credential. */
        PUBLIC,
        /** An API key as {@code Authorization: Bearer <token>}; the port checks the scope. */
        API_KEY,
        /** A write or read token, also as the bare header value; this layer checks the scope. */
        PROJECT_TOKEN
    }

    /**
     * A request or response body.
     *
     * @param schema the component schema's name, or null for a non-JSON body
     * @param array whether the body is a JSON array of {@code schema}
     * @param required for a request body, whether an empty body is refused
     */
    record Payload(String schema, boolean array, String mediaType, boolean required) {

        static Payload json(String schema) {
            return new Payload(schema, false, "application/json", true);
        }

        static Payload jsonArray(String schema) {
            return new Payload(schema, true, "application/json", true);
        }

        static Payload optionalJson(String schema) {
            return new Payload(schema, false, "application/json", false);
        }

        static Payload html() {
            return new Payload(null, false, "text/html", true);
        }
    }

    /**
     * One query parameter, as the OpenAPI document describes it.
     *
     * @param schema the parameter's JSON schema
     */
    record QueryParameter(String name, boolean required, ObjectNode schema, String description) {

        QueryParameter {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(schema, "schema");
            Objects.requireNonNull(description, "description");
        }
    }

    /** Parses one request, calls one inbound port, renders the result. */
    @FunctionalInterface
    interface RouteHandler {
        void handle(Call call) throws Exception;
    }

    /** Starts a route description. */
    static Builder route(HandlerType method, String path, String operationId, String summary, String tag) {
        return new Builder(method, path, operationId, summary, tag);
    }

    /** Collects a route's description before its handler is given. */
    static final class Builder {
        private final HandlerType method;
        private final String path;
        private final String operationId;
        private final String summary;
        private final String tag;
        private Access access = Access.PUBLIC;
        private Scope scope;
        private Payload request;
        private int status = 200;
        private Payload response;
        private final List<Integer> extraErrors = new ArrayList<>();
        private final List<QueryParameter> queryParameters = new ArrayList<>();
        private final List<String> textParameters = new ArrayList<>();

        private Builder(HandlerType method, String path, String operationId, String summary, String tag) {
            this.method = method;
            this.path = path;
            this.operationId = operationId;
            this.summary = summary;
            this.tag = tag;
        }

        Builder apiKey(Scope required) {
            this.access = Access.API_KEY;
            this.scope = required;
            return this;
        }

        Builder projectToken(Scope required) {
            this.access = Access.PROJECT_TOKEN;
            this.scope = required;
            return this;
        }

        Builder accepts(Payload body) {
            this.request = body;
            return this;
        }

        Builder answers(int successStatus, Payload body) {
            this.status = successStatus;
            this.response = body;
            return this;
        }

        Builder alsoFails(int... statuses) {
            for (int errorStatus : statuses) {
                extraErrors.add(errorStatus);
            }
            return this;
        }

        Builder query(QueryParameter parameter) {
            queryParameters.add(parameter);
            return this;
        }

        /** Takes the path parameter {@code name} as text, as for a name or a slug, instead of parsing a UUID. */
        Builder textParameter(String name) {
            textParameters.add(name);
            return this;
        }

        Route handledBy(RouteHandler handler) {
            return new Route(method, path, operationId, summary, tag, access, scope, request, status, response,
                    extraErrors, queryParameters, textParameters, handler);
        }
    }
}
