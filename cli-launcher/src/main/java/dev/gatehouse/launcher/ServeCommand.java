package dev.gatehouse.launcher;

import dev.gatehouse.core.Gatehouse;
import dev.gatehouse.http.HttpSettings;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gatehouse serve}: runs the HTTP API until the JVM is told to stop. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Serve the HTTP API until stopped (SIGTERM or Ctrl-C stop it gracefully).",
            "On the first start against an empty store, creates the first organization and prints its admin API "
                    + "key once on standard output. Logs go to standard error."
        })
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StorageOptions storage;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "HTTP port; 0 picks a free one and logs it (default: 8080; env GATEHOUSE_PORT).")
    int port;

    @Option(names = "--org-name", paramLabel = "NAME", defaultValue = "default",
            description = "Name of the organization created on the first start (default: default; env GATEHOUSE_ORG_NAME).")
    String organizationName;

    @Option(names = "--last-used-flush-interval", paramLabel = "DURATION",
            converter = Converters.DurationConverter.class,
            description = "How often pending last_used_at stamps are written, as PT5S or seconds "
                    + "(default: the core's; env GATEHOUSE_LAST_USED_FLUSH_INTERVAL). A graceful stop always "
                    + "writes them.")
    Duration lastUsedFlushInterval;

    @Option(names = "--rate-limit-burst", paramLabel = "N", defaultValue = "50",
            description = "Requests a credential may make at once before it is rate limited (default: 50; "
                    + "env GATEHOUSE_RATE_LIMIT_BURST).")
    int rateLimitBurst;

    @Option(names = "--rate-limit-per-second", paramLabel = "RATE", defaultValue = "20",
            description = "Requests per second a credential may sustain (default: 20; "
                    + "env GATEHOUSE_RATE_LIMIT_PER_SECOND).")
    double rateLimitPerSecond;

    @Option(names = "--failed-auth-delay", paramLabel = "DURATION", defaultValue = "PT0.05S",
            converter = Converters.NonNegativeDurationConverter.class,
            description = "Least wait before a refused authentication is answered, plus a random jitter of up to "
                    + "as much again; 0 answers at once (default: PT0.05S; env GATEHOUSE_FAILED_AUTH_DELAY).")
    Duration failedAuthDelay;

    @Option(names = "--verification-cache-size", paramLabel = "N",
            defaultValue = "" + Gatehouse.DEFAULT_VERIFICATION_CACHE_ENTRIES,
            description = "Known credentials, and as many unknown tokens, whose verification is cached; 0 caches "
                    + "nothing (default: ${DEFAULT-VALUE}; env GATEHOUSE_VERIFICATION_CACHE_SIZE).")
    long verificationCacheSize;

    @Option(names = "--verification-cache-ttl", paramLabel = "DURATION",
            converter = Converters.NonNegativeDurationConverter.class,
            description = "How long a verified credential is trusted without reading the store, as PT1S or seconds "
                    + "(default: PT1S; env GATEHOUSE_VERIFICATION_CACHE_TTL). It bounds how long a change "
                    + "made by another instance goes unseen while its announcement cannot reach this one.")
    Duration verificationCacheTtl;

    @Option(names = "--unknown-token-cache-ttl", paramLabel = "DURATION",
            converter = Converters.NonNegativeDurationConverter.class,
            description = "How long a token that no credential has is refused without reading the store "
                    + "(default: PT1S; env GATEHOUSE_UNKNOWN_TOKEN_CACHE_TTL).")
    Duration unknownTokenCacheTtl;

    /** The HTTP settings the options describe; values out of range are a usage error. */
    HttpSettings httpSettings() {
        if (rateLimitBurst < 1) {
            throw storage.usage(storage.source("--rate-limit-burst") + " must be at least 1, not " + rateLimitBurst);
        }
        if (!(rateLimitPerSecond > 0) || Double.isInfinite(rateLimitPerSecond)) {
            throw storage.usage(storage.source("--rate-limit-per-second")
                    + " must be a finite number greater than 0, not " + rateLimitPerSecond);
        }
        if (failedAuthDelay.compareTo(HttpSettings.MAX_FAILED_AUTHENTICATION_DELAY) > 0) {
            throw storage.usage(storage.source("--failed-auth-delay") + " must be at most "
                    + HttpSettings.MAX_FAILED_AUTHENTICATION_DELAY + ", not " + failedAuthDelay);
        }
        return HttpSettings.defaults().withRateLimit(rateLimitBurst, rateLimitPerSecond)
                .withFailedAuthenticationDelay(failedAuthDelay);
    }

    /** The settings the options describe; invalid or conflicting options are a usage error. */
    GatehouseSettings settings() {
        if (port < 0 || port > 65_535) {
            throw storage.usage(storage.source("--port") + " must be a port from 0 to 65535, not " + port);
        }
        if (lastUsedFlushInterval != null && lastUsedFlushInterval.compareTo(Gatehouse.MIN_FLUSH_INTERVAL) < 0) {
            throw storage.usage(storage.source("--last-used-flush-interval") + " must be at least "
                    + Gatehouse.MIN_FLUSH_INTERVAL + ", not " + lastUsedFlushInterval);
        }
        StorageChoice choice = storage.storage();
        return new GatehouseSettings(choice, storage.pepper(), lastUsedFlushInterval, storage.masterKeyFile(choice),
                verificationCache());
    }

    /** The cache the options describe, the core's defaults where they are silent. */
    private VerificationCacheSettings verificationCache() {
        if (verificationCacheSize < 0) {
            throw storage.usage(storage.source("--verification-cache-size") + " must be at least 0, not "
                    + verificationCacheSize);
        }
        VerificationCacheSettings defaults = VerificationCacheSettings.defaults();
        return new VerificationCacheSettings(verificationCacheSize,
                verificationCacheTtl == null ? defaults.knownTtl() : verificationCacheTtl,
                unknownTokenCacheTtl == null ? defaults.unknownTtl() : unknownTokenCacheTtl);
    }

    @Override
    public Integer call() throws InterruptedException {
        GatehouseServer server = GatehouseServer.start(settings(), httpSettings(), port, organizationName,
                spec.commandLine().getOut());
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "gatehouse-shutdown"));
        server.awaitStop();
        return 0;
    }
}
