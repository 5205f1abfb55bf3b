import dev.gatehouse.adapters.inmemory.InMemoryStorage;
import dev.gatehouse.core.Gatehouse;
import dev.gatehouse.http.HttpApi;
import dev.gatehouse.http.HttpSettings;
import dev.gatehouse.ports.model.IssuedCredential;
import io.javalin.Javalin;

/**
 * The server that bench/http-load.sh measures: what {@code gatehouse serve --in-memory} composes (in-memory storage,
 * the core with its default cache, the HTTP API with its default refusal delay), with the per-credential rate limit
 * raised out of the way, since the default (50 burst, 20 per second) would answer a load test mostly with 429; unlike
 * {@code serve}, which listens on every interface, bound to loopback only. Run from the
 * launcher's jar as a source file: {@code java -cp cli-launcher/target/gatehouse.jar bench/LoadServer.java PORT}.
 * Prints {@code PORT <port>} and, once, {@code ADMIN_KEY <token>} on standard output, as serve prints its banner.
 */
public final class LoadServer {

    private static final int UNLIMITED_BURST = 1_000_000_000;
    private static final double UNLIMITED_PER_SECOND = 1.0e9;

    private LoadServer() {
    }

    /** Starts on the port given (0 for a free one) and serves until the process is stopped. */
    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        InMemoryStorage storage = InMemoryStorage.create();
        Gatehouse gatehouse = Gatehouse.builder().storage(storage).build();
        IssuedCredential admin = gatehouse.bootstrap().bootstrapIfEmpty("default")
                .orElseThrow(() -> new IllegalStateException("a new in-memory store is always empty"));
        Javalin app = HttpApi.create(gatehouse,
                HttpSettings.defaults().withRateLimit(UNLIMITED_BURST, UNLIMITED_PER_SECOND));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            gatehouse.close();
            storage.close();
        }, "load-server-shutdown"));
        app.start("127.0.0.1", port);
        System.out.println("PORT " + app.port());
        System.out.println("ADMIN_KEY " + admin.token());
        System.out.flush();
    }
}
