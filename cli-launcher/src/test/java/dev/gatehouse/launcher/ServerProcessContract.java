package dev.gatehouse.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.ports.model.Credential;
import dev.gatehouse.ports.model.CredentialId;
import dev.gatehouse.ports.out.Storage;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged server as an operator runs it, {@code java -jar gatehouse.jar serve}, driven over HTTP through a
 * whole lifecycle, crashed, stopped and restarted on the same store. Each storage backend runs it.
 */
abstract class ServerProcessContract {

    static final Duration START_TIMEOUT = Duration.ofSeconds(40);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    Path temp;

    private final List<GatehouseProcess> processes = new ArrayList<>();
    Path pepperFile;

    /** The options that point {@code serve} at this test's store. */
    abstract List<String> storageOptions();

    /** Opens this test's store directly, as the server does, once every server has stopped. */
    abstract Storage openStore();

    @BeforeEach
    void writePepper() {
        pepperFile = GatehouseProcess.pepperFile(temp);
    }

    /** Releases this test's store once every server has stopped. */
    void dropStore() throws Exception {
    }

    @AfterEach
    void stopEveryServerThenDropTheStore() throws Exception {
        try {
            processes.forEach(GatehouseProcess::close);
        } finally {
            dropStore();
        }
    }

    @Test
    void tokensStopWorkingOnTheVeryNextRequestAndNoTokenIsEverLogged() throws InterruptedException {
        GatehouseProcess first = start();
        ApiClient api = new ApiClient(first.awaitListening(START_TIMEOUT));
        String admin = adminKeyFromBanner(first);

        String project = api.createProject(admin, "web");
        ApiClient.Token original = api.createWriteToken(admin, project);
        assertThat(api.get("/v1/info", original.token()).json().get("project_name").asText()).isEqualTo("web");

        ApiClient.Token rotated = api.rotateWriteToken(admin, project, original.id());
        assertThat(api.info(original.token())).as("a rotated token expires at once").isEqualTo(401);
        assertThat(api.info(rotated.token())).isEqualTo(200);

        api.revokeWriteToken(admin, project, rotated.id());
        assertThat(api.info(rotated.token())).as("a revoked token").isEqualTo(401);

        ApiClient.Token forceExpired = api.createWriteToken(admin, project);
        assertThat(api.info(forceExpired.token())).isEqualTo(200);
        api.expireWriteToken(admin, project, forceExpired.id());
        assertThat(api.info(forceExpired.token())).as("a force-expired token").isEqualTo(401);

        Instant expiry = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.MILLIS);
        ApiClient.Token shortLived = api.createWriteToken(admin, project, expiry);
        assertThat(api.info(shortLived.token())).isEqualTo(200);
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiry).toMillis()) + 50);
        assertThat(api.info(shortLived.token())).as("a token past its expires_at").isEqualTo(401);

        assertThat(api.get("/api/v1/projects/", Tokens.mutated(admin)).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/projects/", admin).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/projects/", Tokens.inOtherCase(admin)).status())
                .as("a key in another case on the connection that just sent the real one").isEqualTo(401);
        assertThat(api.get("/api/v1/projects/", "gth_ak_" + "x".repeat(49)).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/projects/", original.token()).status()).isEqualTo(401);
        assertThat(first.terminate(STOP_TIMEOUT)).isIn(0, 143);

        GatehouseProcess second = start();
        api = new ApiClient(second.awaitListening(START_TIMEOUT));
        assertThat(api.get("/api/v1/projects/", admin).body()).contains("\"web\"");
        assertThat(api.info(rotated.token())).as("a revocation outlives a restart").isEqualTo(401);
        assertThat(api.info(forceExpired.token())).isEqualTo(401);
        assertThat(second.terminate(STOP_TIMEOUT)).isIn(0, 143);

        List<String> issued = List.of(admin, original.token(), rotated.token(), forceExpired.token(),
                shortLived.token());
        assertThat(Tokens.occurrences(first.stdout(), admin)).as("the admin key is printed once").isEqualTo(1);
        assertThat(Tokens.in(first.stdout())).containsExactly(admin);
        assertThat(second.stdout()).as("a later start prints no secret")
                .doesNotContain(Bootstrapper.BANNER_TITLE).doesNotContain("gth_");
        for (String token : issued) {
            assertThat(first.stderr()).as("the logs of the first run").doesNotContain(token);
            assertThat(second.stderr()).as("the logs of the second run").doesNotContain(token);
        }
        assertThat(first.stderr()).contains("Stopping").contains("Gatehouse stopped");
    }

    @Test
    void textWithANulCharacterIsA422AndNoStorageFailure() {
        GatehouseProcess server = start();
        ApiClient api = new ApiClient(server.awaitListening(START_TIMEOUT));
        String admin = adminKeyFromBanner(server);
        api.createProject(admin, "web");

        ApiClient.Response created = api.post("/api/v1/projects/", admin,
                "{\"project_name\": \"other\", \"description\": \"a\\u0000b\"}");
        ApiClient.Response apiKey = api.post("/api/v1/api-keys/", admin,
                "{\"name\": \"deploy\\u0000\", \"scopes\": [\"project:read\"]}");

        assertThat(created.status()).as(created.body()).isEqualTo(422);
        assertThat(apiKey.status()).as(apiKey.body()).isEqualTo(422);
        assertThat(api.get("/api/v1/projects/", admin).body()).contains("\"web\"").doesNotContain("\"other\"");
        assertThat(api.get("/api/v1/api-keys/", admin).body()).doesNotContain("deploy");
        assertThat(server.terminate(STOP_TIMEOUT)).isIn(0, 143);
    }

    @Test
    void aCredentialAcknowledgedJustBeforeKill9OutlivesTheCrash() {
        GatehouseProcess first = start();
        ApiClient api = new ApiClient(first.awaitListening(START_TIMEOUT));
        String admin = adminKeyFromBanner(first);
        String project = api.createProject(admin, "crash");
        ApiClient.Token acknowledged = api.createWriteToken(admin, project);
        first.kill();

        GatehouseProcess second = start();
        api = new ApiClient(second.awaitListening(START_TIMEOUT));
        assertThat(api.info(acknowledged.token())).isEqualTo(200);
        assertThat(second.stdout()).doesNotContain("gth_");
    }

    @Test
    void sigtermFlushesTheLastUseRecordedJustBeforeIt() {
        GatehouseProcess first = start();
        ApiClient api = ApiClient.closingConnections(first.awaitListening(START_TIMEOUT));
        String admin = adminKeyFromBanner(first);
        String project = api.createProject(admin, "flush");
        ApiClient.Token token = api.createWriteToken(admin, project);

        Instant beforeUse = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        assertThat(api.info(token.token())).isEqualTo(200);
        assertThat(first.terminate(STOP_TIMEOUT)).as(first.output()).isIn(0, 143);
        assertThat(first.stderr()).contains("Gatehouse stopped").doesNotContain("Could not record the last use");

        try (Storage store = openStore()) {
            Credential used = store.credentials().findById(CredentialId.parse(token.id())).orElseThrow();
            assertThat(used.lastUsedAt())
                    .as("with a one-hour flush interval only the shutdown flush can have written it")
                    .isNotNull()
                    .isAfterOrEqualTo(beforeUse.minusSeconds(1))
                    .isBeforeOrEqualTo(Instant.now());
        }
    }

    @Test
    void sigtermLetsARequestInFlightFinish() throws Exception {
        GatehouseProcess server = start();
        int port = server.awaitListening(START_TIMEOUT);
        String admin = adminKeyFromBanner(server);
        byte[] body = "{\"project_name\": \"in-flight\"}".getBytes(StandardCharsets.US_ASCII);
        String head = "POST /api/v1/projects/ HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + admin
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n";

        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) STOP_TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, 10);
            out.flush();
            // The server is now inside the request, waiting for the rest of its body, when SIGTERM arrives.
            Thread.sleep(500);
            server.signalTerm();
            Thread.sleep(500);
            out.write(body, 10, body.length - 10);
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);

            assertThat(response).as(server.output()).startsWith("HTTP/1.1 201").contains("\"in-flight\"");
        }
        assertThat(server.awaitExit(STOP_TIMEOUT)).isIn(0, 143);
        try (Storage store = openStore()) {
            assertThat(store.organizations().list()).singleElement().satisfies(organization ->
                    assertThat(store.projects().findByName(organization.id(), "in-flight")).isPresent());
        }
    }

    GatehouseProcess start() {
        List<String> args = Stream.of(
                        List.of("serve", "--port", Integer.toString(GatehouseProcess.freePort())),
                        storageOptions(),
                        List.of("--pepper-file", pepperFile.toString(), "--last-used-flush-interval", "PT1H"))
                .flatMap(List::stream)
                .toList();
        return run(args);
    }

    /** Runs the jar with {@code args}; the process is killed after the test if it still runs. */
    GatehouseProcess run(List<String> args) {
        GatehouseProcess process = GatehouseProcess.start(temp, args);
        processes.add(process);
        return process;
    }

    static String adminKeyFromBanner(GatehouseProcess process) {
        assertThat(process.stdout()).as(process.output()).contains(Bootstrapper.BANNER_TITLE);
        List<String> tokens = Tokens.in(process.stdout());
        assertThat(tokens).as(process.output()).hasSize(1);
        assertThat(tokens.get(0)).startsWith("gth_ak_");
        return tokens.get(0);
    }
}
