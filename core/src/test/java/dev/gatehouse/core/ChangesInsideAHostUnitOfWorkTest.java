package dev.gatehouse.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.ports.in.ApiKeyUpdate;
import dev.gatehouse.ports.in.CredentialTarget;
import dev.gatehouse.ports.in.NewApiKey;
import dev.gatehouse.ports.model.Change;
import dev.gatehouse.ports.model.CredentialKind;
import dev.gatehouse.ports.model.DenialReason;
import dev.gatehouse.ports.model.GatewayProxyClaims;
import dev.gatehouse.ports.model.IssuedCredential;
import dev.gatehouse.ports.model.Project;
import dev.gatehouse.ports.model.Scope;
import dev.gatehouse.ports.model.ScopeClaims;
import dev.gatehouse.ports.model.VerifyResult;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A host that changes a credential inside a unit of work of its own, while another thread verifies the same token
 * and so waits for the store: the change completes, and the token is refused (or its new claims are seen) as soon
 * as the host's unit has committed, though the cache would keep the old answer for an hour.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ChangesInsideAHostUnitOfWorkTest {

    private final Installation installation = Installation.create();
    private final Project project = installation.project("web-shop");
    private final IssuedCredential token = installation.token(project.id(), CredentialKind.WRITE_TOKEN);
    private final CredentialTarget target =
            CredentialTarget.token(project.id(), CredentialKind.WRITE_TOKEN, token.credential().id());
    /** Daemon threads, so that a deadlock fails a test by its timeout instead of hanging the whole run. */
    private final ExecutorService verifierThread = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "verifier");
        thread.setDaemon(true);
        return thread;
    });

    @AfterEach
    void close() {
        verifierThread.shutdownNow();
        installation.close();
    }

    @Test
    void aRevocationInsideAHostUnitCompletesAndTheTokenIsRefusedOnCommit() throws Exception {
        insideAHostUnitWhileAVerificationLoads(token.token(),
                () -> installation.gatehouse.credentials().revoke(installation.operator, target));

        assertThat(verify(token.token())).isEqualTo(VerifyResult.Denied.because(DenialReason.REVOKED));
    }

    @Test
    void anExpiryInsideAHostUnitCompletesAndTheTokenIsRefusedOnCommit() throws Exception {
        insideAHostUnitWhileAVerificationLoads(token.token(),
                () -> installation.gatehouse.credentials().expire(installation.operator, target));

        assertThat(verify(token.token())).isEqualTo(VerifyResult.Denied.because(DenialReason.EXPIRED));
    }

    @Test
    void aRotationInsideAHostUnitCompletesAndTheOldTokenIsRefusedOnCommit() throws Exception {
        IssuedCredential[] successor = new IssuedCredential[1];
        insideAHostUnitWhileAVerificationLoads(token.token(), () -> successor[0] =
                installation.gatehouse.credentials().rotate(installation.operator, target, Duration.ZERO));

        assertThat(verify(token.token())).isEqualTo(VerifyResult.Denied.because(DenialReason.EXPIRED));
        assertThat(verify(successor[0].token())).isInstanceOf(VerifyResult.Verified.class);
    }

    @Test
    void aProjectDeletionInsideAHostUnitCompletesAndItsTokensAreRefusedOnCommit() throws Exception {
        insideAHostUnitWhileAVerificationLoads(token.token(),
                () -> installation.gatehouse.projects().delete(installation.operator, project.id()));

        assertThat(verify(token.token())).isEqualTo(VerifyResult.Denied.because(DenialReason.NOT_FOUND));
    }

    @Test
    void anApiKeyUpdateInsideAHostUnitCompletesAndItsNewClaimsAreSeenOnCommit() throws Exception {
        IssuedCredential key = installation.gatehouse.credentials().createApiKey(installation.operator,
                new NewApiKey("gateway", null, Set.of(Scope.PROJECT_GATEWAY_PROXY), null, null, ScopeClaims.NONE));
        ScopeClaims weekly = new ScopeClaims(new GatewayProxyClaims(null, 7L, null, null, null));

        insideAHostUnitWhileAVerificationLoads(key.token(), () -> installation.gatehouse.credentials().updateApiKey(
                installation.operator, CredentialTarget.apiKey(key.credential().id()),
                new ApiKeyUpdate(Change.keep(), Change.keep(), Change.to(weekly))));

        assertThat(installation.principal(key.token()).claims()).isEqualTo(weekly);
    }

    @Test
    void aChangeInsideAHostUnitThatRollsBackLeavesTheTokenWorking() {
        RuntimeException hostFailure = new IllegalStateException("the host's own work failed");
        assertThat(verify(token.token())).isInstanceOf(VerifyResult.Verified.class);

        assertThatThrownBy(() -> installation.storage.transactions().run(() -> {
            installation.gatehouse.credentials().revoke(installation.operator, target);
            throw hostFailure;
        })).isSameAs(hostFailure);

        assertThat(verify(token.token())).isInstanceOf(VerifyResult.Verified.class);
    }

    /**
     * Runs {@code change} in a unit of work of the host's, after another thread has started to verify {@code token}
     * (not cached yet, so that its lookup waits for the store the unit holds), and waits for that verification.
     */
    private void insideAHostUnitWhileAVerificationLoads(String token, Runnable change) throws Exception {
        Future<VerifyResult> verification = installation.storage.transactions().inTransaction(() -> {
            int lookupsBefore = installation.storage.lookupsByHash.get();
            Future<VerifyResult> started = verifierThread.submit(() -> verify(token));
            while (installation.storage.lookupsByHash.get() == lookupsBefore) {
                Thread.onSpinWait();
            }
            change.run();
            return started;
        });
        verification.get(30, TimeUnit.SECONDS);
    }

    private VerifyResult verify(String token) {
        return installation.gatehouse.verifier().verify(token);
    }
}
