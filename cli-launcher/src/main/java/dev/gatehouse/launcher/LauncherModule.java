package dev.gatehouse.launcher;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.gatehouse.core.Gatehouse;
import dev.gatehouse.http.HttpApi;
import dev.gatehouse.http.HttpSettings;
import dev.gatehouse.ports.in.UseCases;
import dev.gatehouse.ports.out.Storage;
import io.javalin.Javalin;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.eclipse.jetty.server.handler.GracefulHandler;

/**
 * Wires one Gatehouse instance: the store, the core and the HTTP API. Every object that must be closed is
 * handed to {@link Resources} as it is created, so a command closes exactly what it opened.
 */
final class LauncherModule extends AbstractModule {

    /** How long a stopping server waits for requests in flight before it closes their connections. */
    static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

    private final GatehouseSettings settings;
    private final Resources resources;
    private final HttpSettings http;

    /** A module whose HTTP API, if asked for, has the default settings. */
    LauncherModule(GatehouseSettings settings, Resources resources) {
        this(settings, resources, HttpSettings.defaults());
    }

    LauncherModule(GatehouseSettings settings, Resources resources, HttpSettings http) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.resources = Objects.requireNonNull(resources, "resources");
        this.http = Objects.requireNonNull(http, "http");
    }

    @Override
    protected void configure() {
        bind(Clock.class).toInstance(Clock.systemUTC());
        bind(GatehouseSettings.class).toInstance(settings);
    }

    @Provides
    @Singleton
    Storage storage() {
        return resources.register(settings.storage().toString(), settings.storage().open());
    }

    @Provides
    @Singleton
    Gatehouse gatehouse(Storage storage, Clock clock) {
        var builder = Gatehouse.builder().storage(storage).clock(clock);
        byte[] pepper = settings.pepper();
        if (pepper != null) {
            builder = builder.pepper(pepper);
        }
        VerificationCacheSettings cache = settings.verificationCache();
        builder = builder.verificationCache(cache.maxEntries(), cache.knownTtl(), cache.unknownTtl());
        if (settings.lastUsedFlushInterval() != null) {
            builder = builder.lastUsedFlushInterval(settings.lastUsedFlushInterval());
        }
        if (settings.masterKeyFile() != null) {
            boolean newInstallation = storage.organizations().list().isEmpty();
            builder = builder.masterSecret(StorageOptions.loadOrCreateMasterKey(settings.masterKeyFile(),
                    newInstallation));
        }
        return resources.register("Gatehouse core (flushes pending last_used_at stamps)", builder.build());
    }

    @Provides
    UseCases useCases(Gatehouse gatehouse) {
        return gatehouse;
    }

    @Provides
    @Singleton
    Javalin httpServer(UseCases useCases) {
        Javalin app = HttpApi.create(useCases, http);
        app.unsafe.jetty.modifyServer(server -> {
            // Jetty waits for requests in flight only where a Graceful handler tracks them.
            server.insertHandler(new GracefulHandler());
            server.setStopTimeout(SHUTDOWN_GRACE.toMillis());
        });
        return app;
    }
}
