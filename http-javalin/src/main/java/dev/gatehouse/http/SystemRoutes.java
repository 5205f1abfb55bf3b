package dev.gatehouse.http;

import static dev.gatehouse.http.Route.route;

import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

/**
 * {@code /health}, the OpenAPI document at {@code /api/openapi.json} and the Swagger UI page at {@code /api/docs}.
 * Thread-safe: the document is published once, before the server starts.
 */
final class SystemRoutes {

    static final String OPENAPI_PATH = "/api/openapi.json";
    private static final String TAG = "System";
    private static final String SWAGGER_UI_PROPERTIES = "/META-INF/maven/org.webjars/swagger-ui/pom.properties";

    private final String docsPage;
    private volatile String openApiDocument;

    SystemRoutes() {
        this.docsPage = swaggerPage(swaggerUiVersion());
    }

    List<Route> routes() {
        return List.of(
                route(HandlerType.GET, "/health", "health", "Health", TAG)
                        .answers(200, Route.Payload.json("Health"))
                        .handledBy(call -> call.json(200, new Wire.Health("ok"))),
                route(HandlerType.GET, OPENAPI_PATH, "openapi", "OpenAPI document", TAG)
                        .answers(200, new Route.Payload(null, false, "application/json", true))
                        .handledBy(call -> call.text(openApiDocument, "application/json")),
                route(HandlerType.GET, "/api/docs", "docs", "API documentation", TAG)
                        .answers(200, Route.Payload.html())
                        .handledBy(call -> call.text(docsPage, "text/html; charset=utf-8")));
    }

    /** Publishes the document describing every route, this class's included; called once, before serving. */
    void publish(String document) {
        this.openApiDocument = Objects.requireNonNull(document);
    }

    private static String swaggerUiVersion() {
        try (InputStream in = SystemRoutes.class.getResourceAsStream(SWAGGER_UI_PROPERTIES)) {
            if (in == null) {
                throw new IllegalStateException("the org.webjars:swagger-ui jar is missing from the classpath");
            }
            Properties properties = new Properties();
            properties.load(in);
            return Objects.requireNonNull(properties.getProperty("version"), "swagger-ui version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String swaggerPage(String version) {
        String assets = "/webjars/swagger-ui/" + version + "/";
        return """
                <!doctype html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <title>Gatehouse API</title>
                  <link rel="stylesheet" href="%1$sswagger-ui.css">
                </head>
                <body>
                  <div id="swagger-ui"></div>
                  <script src="%1$sswagger-ui-bundle.js"></script>
                  <script>
                    window.onload = function () {
                      window.ui = SwaggerUIBundle({url: '%2$s', dom_id: '#swagger-ui'});
                    };
                  </script>
                </body>
                </html>
                """.formatted(assets, OPENAPI_PATH);
    }
}
