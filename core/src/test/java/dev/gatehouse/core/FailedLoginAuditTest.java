package dev.gatehouse.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.internal.FailedLoginRecorder;
import dev.gatehouse.core.internal.TokenFormat;
import dev.gatehouse.ports.in.CredentialTarget;
import dev.gatehouse.ports.in.NewApiKey;
import dev.gatehouse.ports.model.AuditAction;
import dev.gatehouse.ports.model.AuditEntry;
import dev.gatehouse.ports.model.CredentialKind;
import dev.gatehouse.ports.model.DenialReason;
import dev.gatehouse.ports.model.FieldChange;
import dev.gatehouse.ports.model.IssuedCredential;
import dev.gatehouse.ports.model.OrganizationId;
import dev.gatehouse.ports.model.Principal;
import dev.gatehouse.ports.model.Scope;
import dev.gatehouse.ports.model.StorageException;
import dev.gatehouse.ports.model.VerifyResult;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class FailedLoginAuditTest {

    private static final int THREADS = 4;

    @Test
    void tenThousandBadTokensInOneWindowBecomeOneEntryPerOrganizationWrittenOnlyWhenClosed() throws Exception {
        try (Installation installation =
                Installation.create(builder -> builder.failedLoginWindow(Duration.ofHours(1)))) {
            Instant windowStart = installation.clock.instant();
            installation.clock.advance(Duration.ofSeconds(1));
            OrganizationId other = installation.otherOrganization();
            String revoked = revokedKey(installation, installation.organization);
            String expired = expiredKey(installation, other);
            String unknown = new TokenFormat("gth", new SecureRandom()).generate(CredentialKind.API_KEY);
            int appendsBefore = installation.storage.auditAppends.get();
            int credentialWritesBefore = installation.storage.credentialWrites.get();

            // Per thread 1,000 malformed, 750 unknown, 500 revoked (acme) and 250 expired (other): 10,000 in all.
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                tokens.add("gth_ak_not-a-token-" + i);
            }
            tokens.addAll(Collections.nCopies(750, unknown));
            tokens.addAll(Collections.nCopies(500, revoked));
            tokens.addAll(Collections.nCopies(250, expired));
            Collections.shuffle(tokens, new Random(5));
            verifyFromThreads(installation, tokens);

            assertThat(installation.storage.auditAppends).hasValue(appendsBefore);
            assertThat(installation.storage.credentialWrites).hasValue(credentialWritesBefore);
            assertThat(failedLogins(installation, installation.organization)).isEmpty();

            installation.clock.advance(Duration.ofSeconds(30));
            Instant windowEnd = installation.clock.instant();
            installation.gatehouse.close();

            assertThat(installation.storage.auditAppends).hasValue(appendsBefore + 2);
            AuditEntry acme = single(failedLogins(installation, installation.organization));
            AuditEntry theirs = single(failedLogins(installation, other));
            assertThat(acme.changes()).containsExactly(
                    new FieldChange("window_start", null, micros(windowStart)),
                    new FieldChange("window_end", null, micros(windowEnd)),
                    new FieldChange("malformed", null, "4000"),
                    new FieldChange("not_found", null, "3000"),
                    new FieldChange("revoked", null, "2000"));
            assertThat(theirs.changes()).containsExactly(
                    new FieldChange("window_start", null, micros(windowStart)),
                    new FieldChange("window_end", null, micros(windowEnd)),
                    new FieldChange("expired", null, "1000"));
            for (AuditEntry entry : List.of(acme, theirs)) {
                assertThat(entry.resourceType()).isEqualTo("credential");
                assertThat(entry.recordId()).isNull();
                assertThat(entry.projectId()).isNull();
                assertThat(entry.actorId()).isNull();
                assertThat(entry.createdAt()).isEqualTo(windowEnd.truncatedTo(ChronoUnit.MICROS));
            }
        }
    }

    @Test
    void theBackgroundWriterWritesOneEntryPerWindowWithFailuresAndNothingForQuietWindows() throws Exception {
        Installation installation = Installation.create(builder -> builder.failedLoginWindow(Duration.ofMillis(20)));
        try {
            installation.gatehouse.verifier().verify("not a token");

            List<AuditEntry> written = awaitFailedLogins(installation);
            Thread.sleep(200);

            assertThat(failedLogins(installation, installation.organization)).isEqualTo(written);
            assertThat(written).singleElement().satisfies(entry ->
                    assertThat(entry.changes()).contains(new FieldChange("malformed", null, "1")));
        } finally {
            installation.close();
        }
        assertThat(failedLogins(installation, installation.organization)).hasSize(1);
    }

    @Test
    void aWindowThatCouldNotBeWrittenIsMergedIntoTheNext() {
        List<FailedLoginRecorder.Window> written = new CopyOnWriteArrayList<>();
        AtomicBoolean failNext = new AtomicBoolean(true);
        MutableClock clock = MutableClock.at2030();
        Instant start = clock.instant();
        OrganizationId organization = OrganizationId.random();
        try (FailedLoginRecorder recorder = new FailedLoginRecorder(window -> {
            if (failNext.getAndSet(false)) {
                throw new StorageException("database down", null);
            }
            written.add(window);
        }, clock, Duration.ofHours(1))) {
            recorder.unattributed(DenialReason.MALFORMED);
            recorder.attributed(organization, DenialReason.REVOKED);
            clock.advance(Duration.ofMinutes(1));

            assertThatThrownBy(recorder::flush).isInstanceOf(StorageException.class);
            recorder.unattributed(DenialReason.MALFORMED);
            clock.advance(Duration.ofMinutes(1));
            recorder.flush();
            clock.advance(Duration.ofMinutes(1));
            recorder.flush();

            assertThat(written).containsExactly(new FailedLoginRecorder.Window(start, start.plus(Duration.ofMinutes(2)),
                    Map.of(DenialReason.MALFORMED, 2L), Map.of(organization, Map.of(DenialReason.REVOKED, 1L))));
        }
    }

    @Test
    void validTokensAndMissingScopesAreNoFailedLogins() {
        try (Installation installation = Installation.create()) {
            String readerToken = installation.apiKey(installation.operator, Set.of(Scope.PROJECT_READ), null).token();

            installation.gatehouse.verifier().verify(installation.admin.token());
            VerifyResult missingScope = installation.gatehouse.verifier().verify(readerToken, Scope.PROJECT_WRITE);
            installation.gatehouse.close();

            assertThat(missingScope).isInstanceOf(VerifyResult.Denied.class);
            assertThat(failedLogins(installation, installation.organization)).isEmpty();
        }
    }

    private static void verifyFromThreads(Installation installation, List<String> tokens) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int thread = 0; thread < THREADS; thread++) {
                done.add(pool.submit(() -> {
                    for (String token : tokens) {
                        VerifyResult result = installation.gatehouse.verifier().verify(token);
                        assertThat(result).isInstanceOf(VerifyResult.Denied.class);
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static String revokedKey(Installation installation, OrganizationId organization) {
        IssuedCredential key = installation.gatehouse.credentials().createApiKey(Principal.operator(organization),
                new NewApiKey("revoked", null, Set.of(Scope.PROJECT_READ), null, null));
        installation.gatehouse.credentials().revoke(Principal.operator(organization),
                CredentialTarget.apiKey(key.credential().id()));
        return key.token();
    }

    private static String expiredKey(Installation installation, OrganizationId organization) {
        IssuedCredential key = installation.gatehouse.credentials().createApiKey(Principal.operator(organization),
                new NewApiKey("expired", null, Set.of(Scope.PROJECT_READ), null, null));
        installation.gatehouse.credentials().expire(Principal.operator(organization),
                CredentialTarget.apiKey(key.credential().id()));
        installation.clock.advance(Duration.ofMillis(1));
        return key.token();
    }

    private static List<AuditEntry> failedLogins(Installation installation, OrganizationId organization) {
        return installation.auditEntries(organization).stream()
                .filter(entry -> entry.action() == AuditAction.FAILED_LOGIN)
                .toList();
    }

    private static List<AuditEntry> awaitFailedLogins(Installation installation) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            List<AuditEntry> found = failedLogins(installation, installation.organization);
            if (!found.isEmpty()) {
                return found;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no FAILED_LOGIN entry was written within 10 seconds");
    }

    private static AuditEntry single(List<AuditEntry> entries) {
        assertThat(entries).hasSize(1);
        return entries.get(0);
    }

    private static String micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).toString();
    }
}
