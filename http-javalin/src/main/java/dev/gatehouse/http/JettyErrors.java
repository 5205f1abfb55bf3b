package dev.gatehouse.http;

import io.javalin.http.HttpStatus;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error responses (a request it refuses before Javalin sees it, such as a malformed URI) in the API's
 * shape: {@code {"detail": ...}} with an {@code X-Request-Id}, instead of an HTML page. Thread-safe: stateless.
 */
final class JettyErrors extends ErrorHandler {

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(RequestIds.HEADER, UUID.randomUUID().toString());
        response.write(true, body(code), callback);
    }

    private static ByteBuffer body(int status) {
        HttpStatus known = HttpStatus.forStatus(status);
        String detail = known == HttpStatus.UNKNOWN ? "Error" : known.getMessage();
        return ByteBuffer.wrap(("{\"detail\":\"" + detail + "\"}").getBytes(StandardCharsets.UTF_8));
    }
}
