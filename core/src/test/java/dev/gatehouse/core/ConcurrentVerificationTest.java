package dev.gatehouse.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.ports.in.CredentialTarget;
import dev.gatehouse.ports.model.CredentialKind;
import dev.gatehouse.ports.model.DenialReason;
import dev.gatehouse.ports.model.IssuedCredential;
import dev.gatehouse.ports.model.Project;
import dev.gatehouse.ports.model.VerifyResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ConcurrentVerificationTest {

    private static final int VERIFIERS = 4;

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void changesRacingWithCacheLoadsNeitherDeadlockNorLeaveAStaleEntry() throws Exception {
        // A zero lifetime makes every verification load from the store, so loads overlap every change.
        try (Installation installation = Installation.create(builder ->
                builder.verificationCache(1_000, Duration.ZERO, Duration.ZERO))) {
            ExecutorService pool = daemonPool();
            try {
                for (int round = 0; round < 20; round++) {
                    Project project = installation.project("project-" + round);
                    IssuedCredential write = installation.token(project.id(), CredentialKind.WRITE_TOKEN);
                    IssuedCredential read = installation.token(project.id(), CredentialKind.READ_TOKEN);
                    AtomicBoolean stop = new AtomicBoolean();
                    List<Future<?>> verifiers = new ArrayList<>();
                    for (int i = 0; i < VERIFIERS; i++) {
                        verifiers.add(pool.submit(() -> {
                            while (!stop.get()) {
                                installation.gatehouse.verifier().verify(write.token());
                                installation.gatehouse.verifier().verify(read.token());
                            }
                        }));
                    }

                    installation.gatehouse.credentials().revoke(installation.operator,
                            CredentialTarget.token(project.id(), CredentialKind.WRITE_TOKEN, write.credential().id()));
                    installation.gatehouse.credentials().rotate(installation.operator,
                            CredentialTarget.token(project.id(), CredentialKind.READ_TOKEN, read.credential().id()),
                            Duration.ZERO);
                    stop.set(true);
                    for (Future<?> verifier : verifiers) {
                        verifier.get(30, TimeUnit.SECONDS);
                    }

                    assertThat(installation.gatehouse.verifier().verify(write.token()))
                            .isEqualTo(VerifyResult.Denied.because(DenialReason.REVOKED));
                    assertThat(installation.gatehouse.verifier().verify(read.token()))
                            .isEqualTo(VerifyResult.Denied.because(DenialReason.EXPIRED));
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void withLongLifetimesTheFirstVerifyAfterAChangeSeesIt() throws Exception {
        try (Installation installation = Installation.create()) {
            ExecutorService pool = daemonPool();
            try {
                for (int round = 0; round < 20; round++) {
                    Project project = installation.project("project-" + round);
                    IssuedCredential write = installation.token(project.id(), CredentialKind.WRITE_TOKEN);
                    AtomicBoolean stop = new AtomicBoolean();
                    List<Future<?>> verifiers = new ArrayList<>();
                    for (int i = 0; i < VERIFIERS; i++) {
                        verifiers.add(pool.submit(() -> {
                            while (!stop.get()) {
                                installation.gatehouse.verifier().verify(write.token());
                            }
                        }));
                    }

                    installation.gatehouse.projects().delete(installation.operator, project.id());

                    assertThat(installation.gatehouse.verifier().verify(write.token()))
                            .isEqualTo(VerifyResult.Denied.because(DenialReason.NOT_FOUND));
                    stop.set(true);
                    for (Future<?> verifier : verifiers) {
                        verifier.get(30, TimeUnit.SECONDS);
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** Daemon threads, so that a deadlock fails this test by its timeout instead of hanging the whole run. */
    private static ExecutorService daemonPool() {
        return Executors.newFixedThreadPool(VERIFIERS, runnable -> {
            Thread thread = new Thread(runnable, "verifier");
            thread.setDaemon(true);
            return thread;
        });
    }
}
