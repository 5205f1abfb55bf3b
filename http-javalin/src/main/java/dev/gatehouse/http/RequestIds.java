package dev.gatehouse.http;

import io.javalin.http.Context;
import java.util.UUID;
import java.util.regex.Pattern;

/** Gives every request an {@code X-Request-Id}: the caller's own when it is sane, else a fresh UUID. */
final class RequestIds {

    static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = "gatehouse.request-id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {
    }

    /** Assigns the request's id and sets the response header; runs before anything else can fail. */
    static void assign(Context ctx) {
        String incoming = ctx.header(HEADER);
        String id = incoming != null && SANE.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
        ctx.attribute(ATTRIBUTE, id);
        ctx.header(HEADER, id);
    }

    /** The id assigned to this request. */
    static String of(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        return id == null ? "unassigned" : id;
    }
}
