package dev.gatehouse.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.adapters.jdbc.JdbcStorage;
import dev.gatehouse.ports.in.NewProject;
import dev.gatehouse.ports.model.Principal;
import dev.gatehouse.ports.model.Project;
import dev.gatehouse.ports.model.Scope;
import dev.gatehouse.ports.model.VerifyResult;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gatehouse admin create-key} on an embedded H2 store that a server set up and later serves. */
class CreateKeyIT {

    @TempDir
    Path temp;

    private Path dataDir;
    private Path pepper;
    private final List<GatehouseServer> servers = new ArrayList<>();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void setUpInstallationWithOneProject() {
        dataDir = temp.resolve("data");
        pepper = GatehouseProcess.pepperFile(temp);
        GatehouseServer server = serve();
        Principal operator = Principal.operator(
                server.useCases().organizations().findByName("acme").orElseThrow().id());
        server.useCases().projects().create(operator, NewProject.named("web"));
        server.useCases().projects().create(operator, NewProject.named("billing"));
        server.stop();
    }

    @AfterEach
    void stopServers() {
        servers.forEach(GatehouseServer::stop);
    }

    @Test
    void printsOnlyTheKeyOnStdoutAndTheServerAcceptsItWithinItsGrant() {
        int exit = createKey("--org", "acme", "--name", "deploy", "--description", "CI deploys",
                "--scope", "project:read,project:write_token", "--project", "web",
                "--expires-at", "2099-01-01T00:00:00Z");

        assertThat(exit).as(err.toString()).isZero();
        String key = out.toString().strip();
        assertThat(Tokens.in(out.toString())).containsExactly(key);
        assertThat(key).startsWith("gth_ak_");
        assertThat(err.toString()).contains("Created API key 'deploy'").contains("for project 'web'")
                .contains("2099-01-01T00:00:00Z").doesNotContain(key);

        GatehouseServer server = serve();
        VerifyResult verified = server.useCases().verifier().verify(key, Scope.PROJECT_WRITE_TOKEN);
        assertThat(verified).isInstanceOf(VerifyResult.Verified.class);
        Principal principal = ((VerifyResult.Verified) verified).principal();
        assertThat(principal.scopes()).containsExactlyInAnyOrder(Scope.PROJECT_READ, Scope.PROJECT_WRITE_TOKEN);
        assertThat(server.useCases().projects().list(principal)).extracting(Project::name).containsExactly("web");
        assertThat(server.useCases().verifier().verify(key, Scope.ORGANIZATION_CREATE_PROJECT))
                .isInstanceOf(VerifyResult.Denied.class);

        ApiClient api = new ApiClient(server.port());
        assertThat(api.get("/api/v1/projects/", key).body()).contains("\"web\"").doesNotContain("billing");
        assertThat(api.post("/api/v1/projects/", key, "{\"project_name\": \"other\"}").status()).isEqualTo(403);
    }

    @Test
    void aKeyForEveryProjectNeverExpiresUnlessAsked() {
        int exit = createKey("--org", "acme", "--name", "reader", "--scope", "project:read");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(err.toString()).contains("for every project").contains("never expiring");
        GatehouseServer server = serve();
        VerifyResult verified = server.useCases().verifier().verify(out.toString().strip(), Scope.PROJECT_READ);
        Principal principal = ((VerifyResult.Verified) verified).principal();
        assertThat(server.useCases().projects().list(principal)).extracting(Project::name)
                .containsExactlyInAnyOrder("web", "billing");
    }

    @Test
    void aKeyThatStandardOutputCannotTakeIsRevokedAndTheCommandFails() {
        PrintWriter brokenOut = new PrintWriter(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        });

        int exit = GatehouseCli.execute(Map.of(), brokenOut, new PrintWriter(err, true), "admin", "create-key",
                "--data-dir", dataDir.toString(), "--pepper-file", pepper.toString(), "--org", "acme",
                "--name", "lost", "--scope", "project:read");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("could not be written to standard output, so it was revoked at once");
        GatehouseServer server = serve();
        Principal operator = Principal.operator(
                server.useCases().organizations().findByName("acme").orElseThrow().id());
        assertThat(server.useCases().credentials().listApiKeys(operator))
                .filteredOn(view -> view.credential().name().equals("lost"))
                .singleElement()
                .satisfies(view -> assertThat(view.credential().revokedAt()).isNotNull());
    }

    @Test
    void aStoreSetUpWithAPepperRefusesAKeyHashedWithoutIt() throws IOException {
        Path otherPepper = Files.writeString(temp.resolve("other-pepper"), "another test pepper, long enough");

        int withoutPepper = GatehouseCli.execute(Map.of(), new PrintWriter(out, true), new PrintWriter(err, true),
                "admin", "create-key", "--data-dir", dataDir.toString(), "--org", "acme", "--name", "ci",
                "--scope", "project:read");
        int withAnother = createKeyWithPepper(otherPepper, "--org", "acme", "--name", "ci", "--scope", "project:read");

        assertThat(withoutPepper).isEqualTo(1);
        assertThat(withAnother).isEqualTo(1);
        assertThat(err.toString()).contains("this store's installation was first started with a pepper")
                .contains("this store's installation was first started with another pepper");
        assertThat(out.toString()).isEmpty();
        assertThat(createKey("--org", "acme", "--name", "ci", "--scope", "project:read")).isZero();
    }

    @Test
    void anUnknownOrganizationIsAFailureThatNamesTheExistingOnes() {
        int exit = createKey("--org", "globex", "--name", "ci", "--scope", "project:read");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("has no organization named 'globex' (it has: 'acme')");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aDataDirectoryWithoutAStoreIsRefusedAndLeftAsItWas() {
        Path elsewhere = temp.resolve("typo");

        int exit = GatehouseCli.execute(Map.of(), new PrintWriter(out, true), new PrintWriter(err, true),
                "admin", "create-key", "--data-dir", elsewhere.toString(), "--org", "acme", "--name", "ci",
                "--scope", "project:read");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("there is no Gatehouse store in " + elsewhere);
        assertThat(elsewhere).doesNotExist();
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aStoreNoServerHasSetUpIsRefusedAndTheFirstServeWithItsOwnSecretsStillStarts() throws IOException {
        Path fresh = temp.resolve("fresh");
        Files.createDirectories(fresh);
        JdbcStorage.h2File(fresh.resolve("gatehouse")).close();

        int exit = GatehouseCli.execute(Map.of(), new PrintWriter(out, true), new PrintWriter(err, true),
                "admin", "create-key", "--data-dir", fresh.toString(), "--org", "acme", "--name", "ci",
                "--scope", "project:read");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("holds no installation yet: 'gatehouse serve' sets one up");
        assertThat(fresh.resolve("master.key")).doesNotExist();
        Path otherPepper = temp.resolve("other-pepper");
        Files.writeString(otherPepper, "another pepper, with its own bytes");
        GatehouseServer server = GatehouseServer.start(new GatehouseSettings(new StorageChoice.H2File(fresh),
                Files.readAllBytes(otherPepper), null, fresh.resolve("master.key")), 0, "acme",
                new PrintWriter(new StringWriter()));
        servers.add(server);
        assertThat(server.useCases().organizations().findByName("acme")).isPresent();
    }

    @Test
    void anUnknownProjectIsAFailure() {
        int exit = createKey("--org", "acme", "--name", "ci", "--scope", "project:read", "--project", "nope");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("organization 'acme' has no project named 'nope'");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void anExpiryInThePastIsRefused() {
        int exit = createKey("--org", "acme", "--name", "ci", "--scope", "project:read",
                "--expires-at", Instant.now().minusSeconds(60).toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("error: invalid expires_at");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aStoreWhoseMasterKeyFileWentMissingIsRefusedAndNoNewFileIsMade() throws IOException {
        Path masterKey = dataDir.resolve("master.key");
        Files.delete(masterKey);

        int exit = createKey("--org", "acme", "--name", "ci", "--scope", "project:read");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("the master key file " + masterKey + " does not exist, but this store "
                + "already holds an installation");
        assertThat(out.toString()).isEmpty();
        assertThat(masterKey).doesNotExist();
    }

    private GatehouseServer serve() {
        GatehouseServer server = GatehouseServer.start(
                new GatehouseSettings(new StorageChoice.H2File(dataDir), pepperBytes(), null,
                        dataDir.resolve("master.key")), 0, "acme",
                new PrintWriter(new StringWriter()));
        servers.add(server);
        return server;
    }

    private byte[] pepperBytes() {
        try {
            return Files.readAllBytes(pepper);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int createKey(String... options) {
        return createKeyWithPepper(pepper, options);
    }

    private int createKeyWithPepper(Path pepperFile, String... options) {
        List<String> args = new ArrayList<>(List.of("admin", "create-key", "--data-dir", dataDir.toString(),
                "--pepper-file", pepperFile.toString()));
        args.addAll(List.of(options));
        return GatehouseCli.execute(Map.of(), new PrintWriter(out, true), new PrintWriter(err, true),
                args.toArray(String[]::new));
    }
}
