package dev.gatehouse.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.Gatehouse;
import dev.gatehouse.ports.in.CredentialTarget;
import dev.gatehouse.ports.in.NewProject;
import dev.gatehouse.ports.in.NewProjectToken;
import dev.gatehouse.ports.model.CredentialKind;
import dev.gatehouse.ports.model.DenialReason;
import dev.gatehouse.ports.model.IssuedCredential;
import dev.gatehouse.ports.model.Principal;
import dev.gatehouse.ports.model.Project;
import dev.gatehouse.ports.model.VerifyResult;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A host that revokes, expires, rotates or deletes inside a unit of work of its own, while another thread verifies
 * the token and caches what the database still holds committed: the token is refused as soon as the host's unit has
 * committed, though the cache would keep the old answer for an hour.
 */
@Timeout(60)
abstract class HostUnitOfWorkContract {

    private static final Duration CACHE_LIFETIME = Duration.ofHours(1);

    private final ExecutorService otherThread = Executors.newSingleThreadExecutor();
    private JdbcStorage storage;
    private Gatehouse gatehouse;
    private Principal operator;
    private Project project;
    private IssuedCredential token;
    private CredentialTarget target;

    abstract JdbcStorage newStorage();

    @BeforeEach
    void aTokenOfAProject() {
        storage = newStorage();
        gatehouse = Gatehouse.builder().storage(storage)
                .verificationCache(1_000, CACHE_LIFETIME, CACHE_LIFETIME)
                .build();
        IssuedCredential admin = gatehouse.bootstrap().bootstrapIfEmpty("acme").orElseThrow();
        operator = Principal.operator(admin.credential().organizationId());
        project = gatehouse.projects().create(operator, NewProject.named("web-shop"));
        token = gatehouse.credentials().createToken(operator,
                new NewProjectToken(project.id(), CredentialKind.WRITE_TOKEN, "ingest", null));
        target = CredentialTarget.token(project.id(), CredentialKind.WRITE_TOKEN, token.credential().id());
    }

    @AfterEach
    void close() {
        otherThread.shutdownNow();
        gatehouse.close();
        storage.close();
    }

    @Test
    void aTokenRevokedInsideAHostUnitIsRefusedOnCommit() {
        insideAHostUnitWhileAnotherThreadVerifies(() -> gatehouse.credentials().revoke(operator, target));

        assertThat(verify()).isEqualTo(VerifyResult.Denied.because(DenialReason.REVOKED));
    }

    @Test
    void aTokenExpiredInsideAHostUnitIsRefusedOnCommit() {
        insideAHostUnitWhileAnotherThreadVerifies(() -> gatehouse.credentials().expire(operator, target));

        assertThat(verify()).isEqualTo(VerifyResult.Denied.because(DenialReason.EXPIRED));
    }

    @Test
    void aTokenRotatedInsideAHostUnitIsRefusedOnCommit() {
        insideAHostUnitWhileAnotherThreadVerifies(
                () -> gatehouse.credentials().rotate(operator, target, Duration.ZERO));

        assertThat(verify()).isEqualTo(VerifyResult.Denied.because(DenialReason.EXPIRED));
    }

    @Test
    void theTokenOfAProjectDeletedInsideAHostUnitIsRefusedOnCommit() {
        insideAHostUnitWhileAnotherThreadVerifies(() -> gatehouse.projects().delete(operator, project.id()));

        assertThat(verify()).isEqualTo(VerifyResult.Denied.because(DenialReason.NOT_FOUND));
    }

    /** Runs {@code change} in a unit of the host's, then, before the commit, has another thread verify the token. */
    private void insideAHostUnitWhileAnotherThreadVerifies(Runnable change) {
        storage.transactions().run(() -> {
            change.run();
            // The other thread reads the row as last committed, unchanged, and caches it for the cache's lifetime.
            assertThat(onOtherThread()).isInstanceOf(VerifyResult.Verified.class);
        });
    }

    private VerifyResult onOtherThread() {
        try {
            return otherThread.submit(this::verify).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the other thread did not verify", e);
        }
    }

    private VerifyResult verify() {
        return gatehouse.verifier().verify(token.token());
    }
}
