package dev.gatehouse.launcher;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.gatehouse.http.HttpSettings;
import dev.gatehouse.ports.in.UseCases;
import io.javalin.Javalin;
import java.io.PrintWriter;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Gatehouse HTTP server with the store and core behind it. {@link #stop()} stops accepting requests, lets
 * those in flight finish, flushes pending {@code last_used_at} stamps and closes the store, in that order.
 * Thread-safe.
 */
final class GatehouseServer {

    private static final Logger LOG = LoggerFactory.getLogger(GatehouseServer.class);

    private final Javalin app;
    private final UseCases useCases;
    private final Resources resources;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private boolean stopping;

    private GatehouseServer(Javalin app, UseCases useCases, Resources resources) {
        this.app = app;
        this.useCases = useCases;
        this.resources = resources;
    }

    /**
     * Opens the store, starts serving on {@code port} (0 meaning any free port), then bootstraps the store if it is
     * empty, printing the admin key to {@code out}; on failure closes whatever it had opened and rethrows.
     */
    static GatehouseServer start(GatehouseSettings settings, int port, String organizationName, PrintWriter out) {
        return start(settings, HttpSettings.defaults(), port, organizationName, out);
    }

    /** Starts a server whose HTTP API limits its callers as {@code http} says; see the other overload. */
    static GatehouseServer start(GatehouseSettings settings, HttpSettings http, int port, String organizationName,
            PrintWriter out) {
        Objects.requireNonNull(organizationName, "organizationName");
        Resources resources = new Resources();
        try {
            Injector injector = Guice.createInjector(new LauncherModule(settings, resources, http));
            LOG.info("Opening {}", settings.storage());
            UseCases useCases = injector.getInstance(UseCases.class);
            if (!settings.storage().persistent()) {
                LOG.warn("Using the in-memory store: every organization, project and key is lost when the server stops");
            }
            Javalin app = injector.getInstance(Javalin.class);
            resources.register("HTTP server", app::stop);
            app.start(port);
            // Bound before bootstrapping: a busy port never leaves behind an admin key that nobody was shown.
            Bootstrapper.bootstrapIfEmpty(useCases, organizationName, out);
            LOG.info("Gatehouse is listening on port {} ({})", app.port(), settings.storage());
            return new GatehouseServer(app, useCases, resources);
        } catch (RuntimeException e) {
            resources.close();
            throw FailureHandler.unwrap(e);
        }
    }

    /** The port the server is bound to. */
    int port() {
        return app.port();
    }

    /** The use cases the server serves, for an operator's code running beside it. */
    UseCases useCases() {
        return useCases;
    }

    /** Stops gracefully; a second call returns at once. */
    void stop() {
        synchronized (this) {
            if (stopping) {
                return;
            }
            stopping = true;
        }
        LOG.info("Stopping: finishing requests in flight (at most {} s), then flushing and closing the store",
                LauncherModule.SHUTDOWN_GRACE.toSeconds());
        try {
            resources.close();
        } finally {
            stopped.countDown();
        }
        LOG.info("Gatehouse stopped");
    }

    /** Blocks until {@link #stop()} has finished. */
    void awaitStop() throws InterruptedException {
        stopped.await();
    }
}
