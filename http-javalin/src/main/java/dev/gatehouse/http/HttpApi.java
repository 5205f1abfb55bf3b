package dev.gatehouse.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.gatehouse.ports.in.UseCases;
import dev.gatehouse.ports.model.WireText;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The Logfire-compatible HTTP API: builds a configured Javalin application over the inbound ports. The launcher
 * (or a test) starts and stops it. The returned application is thread-safe, as Javalin serves requests
 * concurrently.
 */
public final class HttpApi {

    private HttpApi() {
    }

    /**
     * A configured, not yet started Javalin application serving every route of the API over {@code useCases},
     * rate-limited and size-limited as {@code settings} say.
     */
    public static Javalin create(UseCases useCases, HttpSettings settings) {
        Objects.requireNonNull(useCases, "useCases");
        Objects.requireNonNull(settings, "settings");
        ObjectMapper mapper = objectMapper();
        SystemRoutes system = new SystemRoutes();
        List<Route> routes = new ArrayList<>();
        routes.addAll(system.routes());
        routes.addAll(new ProjectRoutes(useCases.projects(), useCases.organizations()).routes());
        routes.addAll(TokenRoutes.writeTokens(useCases.credentials()).routes());
        routes.addAll(TokenRoutes.readTokens(useCases.credentials()).routes());
        routes.addAll(new ApiKeyRoutes(useCases.credentials()).routes());
        routes.addAll(new ChannelRoutes(useCases.channels()).routes());
        routes.addAll(new AlertRoutes(useCases.alerts()).routes());
        routes.addAll(new AuditLogRoutes(useCases.auditLog()).routes());
        routes.addAll(new DashboardRoutes(useCases.dashboards()).routes());
        routes.addAll(new VariableRoutes(useCases.variables()).routes());
        routes.addAll(new DataPlaneRoutes(useCases.projects(), useCases.organizations()).routes());
        system.publish(OpenApiDocument.build(routes, mapper));

        RateLimiter rateLimiter = new RateLimiter(settings.rateLimitBurst(), settings.rateLimitPerSecond(), settings.clock());
        Dispatcher dispatcher = new Dispatcher(useCases.verifier(), rateLimiter, mapper, settings.clock(),
                settings.failedAuthenticationDelay());
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.router.ignoreTrailingSlashes = true;
            config.http.prefer405over404 = true;
            config.http.generateEtags = false;
            config.http.maxRequestSize = settings.maxRequestBodyBytes();
            config.jsonMapper(new JavalinJackson(mapper, false));
            config.staticFiles.enableWebjars();
            config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));
            // Jetty reuses a connection's earlier header fields when a new one matches them ignoring case: a token
            // differing from the one sent before only in case would be taken for it.
            config.jetty.modifyHttpConfiguration(http -> http.setHeaderCacheCaseSensitive(true));
            config.routes.before(RequestIds::assign);
            for (Route route : routes) {
                config.routes.addHttpHandler(route.method(), route.path(), dispatcher.handlerFor(route));
                // Javalin answers a HEAD of a GET route by itself, without running the route: authentication
                // included. A HEAD runs the whole route instead, and Jetty sends its headers without the body.
                if (route.method() == HandlerType.GET) {
                    config.routes.addHttpHandler(HandlerType.HEAD, route.path(), dispatcher.handlerFor(route));
                }
            }
            ErrorMapping.register(config.routes);
        });
    }

    /**
     * Snake-case field names, instants spelled as pydantic spells a UTC date-time, nulls written, trailing garbage
     * refused.
     */
    static ObjectMapper objectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new SimpleModule("pydantic-date-times").addSerializer(Instant.class, new InstantWriter()))
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    /** Writes an instant as pydantic writes a UTC date-time: {@code 2030-01-31T12:00:00.250000Z}. */
    private static final class InstantWriter extends StdSerializer<Instant> {

        InstantWriter() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(WireText.instant(value));
        }
    }
}
