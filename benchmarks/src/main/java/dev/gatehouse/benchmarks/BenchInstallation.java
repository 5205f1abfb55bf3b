package dev.gatehouse.benchmarks;

import dev.gatehouse.core.Gatehouse;
import dev.gatehouse.ports.in.NewProject;
import dev.gatehouse.ports.in.NewProjectToken;
import dev.gatehouse.ports.model.CredentialKind;
import dev.gatehouse.ports.model.IssuedCredential;
import dev.gatehouse.ports.model.Principal;
import dev.gatehouse.ports.model.ProjectId;
import dev.gatehouse.ports.model.VerifyResult;
import dev.gatehouse.ports.out.Storage;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * A Gatehouse over one storage, set up as a real installation is: bootstrapped, with one project and the admin key's
 * principal to act with. Closing it closes the Gatehouse, not the storage. Thread-safe.
 */
final class BenchInstallation implements AutoCloseable {

    /**
     * Long enough that no {@code last_used_at} batch is written during a measurement: the write-behind runs on a
     * thread of its own and would otherwise add a large, size-dependent write to some iterations and not others.
     */
    static final Duration QUIET_FLUSH_INTERVAL = Duration.ofHours(1);

    private final Gatehouse gatehouse;
    private final Principal admin;
    private final ProjectId project;

    private BenchInstallation(Gatehouse gatehouse, Principal admin, ProjectId project) {
        this.gatehouse = gatehouse;
        this.admin = admin;
        this.project = project;
    }

    /** Bootstraps an empty {@code storage} through a Gatehouse built by {@code configure} and creates a project. */
    static BenchInstallation create(Storage storage, UnaryOperator<Gatehouse.Builder> configure) {
        Gatehouse gatehouse = configure.apply(Gatehouse.builder().storage(storage)).build();
        try {
            IssuedCredential adminKey = gatehouse.bootstrap().bootstrapIfEmpty("benchmarks")
                    .orElseThrow(() -> new IllegalStateException("the benchmark storage was not empty"));
            Principal admin = Principal.of(adminKey.credential());
            ProjectId project = gatehouse.projects().create(admin, NewProject.named("benchmarks")).id();
            return new BenchInstallation(gatehouse, admin, project);
        } catch (RuntimeException failure) {
            gatehouse.close();
            throw failure;
        }
    }

    /** A builder whose verifications all miss the cache: no entry is kept, so every verify reads the store. */
    static Gatehouse.Builder uncached(Gatehouse.Builder builder) {
        return builder.verificationCache(0, Duration.ZERO, Duration.ZERO).lastUsedFlushInterval(QUIET_FLUSH_INTERVAL);
    }

    Gatehouse gatehouse() {
        return gatehouse;
    }

    /** The bootstrap admin key's principal, holding every scope. */
    Principal admin() {
        return admin;
    }

    ProjectId project() {
        return project;
    }

    /** Creates a write token for the project through the public API. */
    IssuedCredential newWriteToken() {
        return gatehouse.credentials().createToken(admin,
                new NewProjectToken(project, CredentialKind.WRITE_TOKEN, null, null));
    }

    /** Fails unless {@code token} verifies, so that a benchmark never measures the refusal path by mistake. */
    void requireVerifies(String token) {
        VerifyResult result = gatehouse.verifier().verify(token);
        if (!(result instanceof VerifyResult.Verified)) {
            throw new IllegalStateException("a benchmark token does not verify: " + result);
        }
    }

    @Override
    public void close() {
        gatehouse.close();
    }
}
