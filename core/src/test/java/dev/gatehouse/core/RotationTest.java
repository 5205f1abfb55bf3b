package dev.gatehouse.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.ports.in.CredentialTarget;
import dev.gatehouse.ports.in.NewApiKey;
import dev.gatehouse.ports.in.NewProjectToken;
import dev.gatehouse.ports.model.AuditAction;
import dev.gatehouse.ports.model.AuditEntry;
import dev.gatehouse.ports.model.ConflictException;
import dev.gatehouse.ports.model.Credential;
import dev.gatehouse.ports.model.CredentialKind;
import dev.gatehouse.ports.model.DenialReason;
import dev.gatehouse.ports.model.FieldChange;
import dev.gatehouse.ports.model.ForbiddenException;
import dev.gatehouse.ports.model.InvalidInputException;
import dev.gatehouse.ports.model.IssuedCredential;
import dev.gatehouse.ports.model.Principal;
import dev.gatehouse.ports.model.Project;
import dev.gatehouse.ports.model.Scope;
import dev.gatehouse.ports.model.VerifyResult;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RotationTest {

    private static final int THREADS = 16;

    private final Installation installation = Installation.create();
    private final Gatehouse gatehouse = installation.gatehouse;

    @AfterEach
    void close() {
        installation.close();
    }

    @Test
    void concurrentRotationsOfOneTokenYieldExactlyOneSuccessor() throws Exception {
        Project project = installation.project("checkout");
        IssuedCredential token = installation.token(project.id(), CredentialKind.WRITE_TOKEN);
        CredentialTarget target = CredentialTarget.token(project.id(), CredentialKind.WRITE_TOKEN, token.credential().id());
        assertThat(gatehouse.verifier().verify(token.token())).isInstanceOf(VerifyResult.Verified.class);

        List<Object> outcomes = concurrently(() -> gatehouse.credentials().rotate(installation.operator, target,
                Duration.ofMinutes(5)));

        List<IssuedCredential> successors = outcomes.stream()
                .filter(IssuedCredential.class::isInstance).map(IssuedCredential.class::cast).toList();
        assertThat(successors).hasSize(1);
        assertThat(outcomes).filteredOn(ConflictException.class::isInstance).hasSize(THREADS - 1);
        assertThat(installation.storage.credentials().listByProject(project.id(), CredentialKind.WRITE_TOKEN))
                .filteredOn(credential -> token.credential().id().equals(credential.rotatedFrom()))
                .hasSize(1);

        assertThat(gatehouse.verifier().verify(token.token())).isInstanceOf(VerifyResult.Verified.class);
        installation.clock.advance(Duration.ofMinutes(5).plusNanos(1_000));
        assertThat(gatehouse.verifier().verify(token.token()))
                .isEqualTo(VerifyResult.Denied.because(DenialReason.EXPIRED));
        assertThat(gatehouse.verifier().verify(successors.get(0).token())).isInstanceOf(VerifyResult.Verified.class);
    }

    @Test
    void theSuccessorCopiesTheCredentialAndPointsBackAtIt() {
        Project project = installation.project("checkout");
        Principal admin = installation.adminPrincipal();
        IssuedCredential key = gatehouse.credentials().createApiKey(admin, new NewApiKey("ci", "deploys",
                Set.of(Scope.PROJECT_READ, Scope.PROJECT_WRITE_TOKEN), project.id(),
                installation.clock.instant().plus(Duration.ofDays(10))));
        installation.clock.advance(Duration.ofMinutes(1));

        IssuedCredential successor = gatehouse.credentials().rotate(admin,
                CredentialTarget.apiKey(key.credential().id()), Duration.ofHours(1));

        Credential next = successor.credential();
        Credential old = key.credential();
        assertThat(next.id()).isNotEqualTo(old.id());
        assertThat(next.rotatedFrom()).isEqualTo(old.id());
        assertThat(next.organizationId()).isEqualTo(old.organizationId());
        assertThat(next.projectId()).isEqualTo(old.projectId());
        assertThat(next.kind()).isEqualTo(old.kind());
        assertThat(next.name()).isEqualTo("ci");
        assertThat(next.description()).isEqualTo("deploys");
        assertThat(next.scopes()).isEqualTo(old.scopes());
        assertThat(next.createdBy()).isEqualTo(admin.credentialId());
        assertThat(next.createdAt()).isEqualTo(installation.clock.instant().truncatedTo(ChronoUnit.MICROS));
        assertThat(next.expiresAt()).as("a rotation never outlives the old one's lifetime")
                .isEqualTo(old.expiresAt());
        assertThat(successor.token()).isNotEqualTo(key.token()).startsWith("gth_ak_");
        assertThat(next.tokenHash()).isNotEqualTo(old.tokenHash());
        assertThat(successor.view().projectName()).isEqualTo("checkout");
        assertThat(successor.view().createdByName()).isEqualTo("admin");
        assertThat(stored(old).expiresAt()).isEqualTo(installation.clock.instant().plus(Duration.ofHours(1))
                .truncatedTo(ChronoUnit.MICROS));
    }

    @Test
    void theGracePeriodNeverExtendsAnEarlierExpiry() {
        Project project = installation.project("checkout");
        Instant soon = installation.clock.instant().plusSeconds(30).truncatedTo(ChronoUnit.MICROS);
        IssuedCredential token = gatehouse.credentials().createToken(installation.operator,
                new NewProjectToken(project.id(), CredentialKind.READ_TOKEN, null, soon));

        gatehouse.credentials().rotate(installation.operator,
                CredentialTarget.token(project.id(), CredentialKind.READ_TOKEN, token.credential().id()),
                Duration.ofDays(1));

        assertThat(stored(token.credential()).expiresAt()).isEqualTo(soon);
    }

    @Test
    void rotationIsAuditedAsTheSuccessorsInsertAndTheOldOnesNewExpiry() {
        Project project = installation.project("checkout");
        IssuedCredential token = installation.token(project.id(), CredentialKind.WRITE_TOKEN);
        int before = installation.auditEntries().size();

        IssuedCredential successor = gatehouse.credentials().rotate(installation.operator,
                CredentialTarget.token(project.id(), CredentialKind.WRITE_TOKEN, token.credential().id()), null);

        List<AuditEntry> entries = installation.auditEntries();
        assertThat(entries).hasSize(before + 2);
        AuditEntry insert = entries.stream().filter(entry -> entry.recordId().equals(successor.credential().id().toString()))
                .findFirst().orElseThrow();
        assertThat(insert.action()).isEqualTo(AuditAction.INSERT);
        assertThat(insert.resourceType()).isEqualTo("write_token");
        assertThat(insert.changes()).contains(new FieldChange("rotated_from", null, token.credential().id().toString()));
        AuditEntry update = entries.stream().filter(entry -> entry.recordId().equals(token.credential().id().toString())
                && entry.action() == AuditAction.UPDATE).findFirst().orElseThrow();
        assertThat(update.changes()).extracting(FieldChange::field).containsExactly("expires_at");
    }

    @Test
    void aCredentialIsRotatedOnlyOnceAndNeverWhenRevoked() {
        Project project = installation.project("checkout");
        IssuedCredential first = installation.token(project.id(), CredentialKind.WRITE_TOKEN);
        IssuedCredential second = installation.token(project.id(), CredentialKind.WRITE_TOKEN);
        CredentialTarget firstTarget = CredentialTarget.token(project.id(), CredentialKind.WRITE_TOKEN, first.credential().id());
        CredentialTarget secondTarget = CredentialTarget.token(project.id(), CredentialKind.WRITE_TOKEN, second.credential().id());
        gatehouse.credentials().rotate(installation.operator, firstTarget, Duration.ofMinutes(1));
        gatehouse.credentials().revoke(installation.operator, secondTarget);
        int entries = installation.auditEntries().size();

        assertThatThrownBy(() -> gatehouse.credentials().rotate(installation.operator, firstTarget, Duration.ZERO))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> gatehouse.credentials().rotate(installation.operator, secondTarget, Duration.ZERO))
                .isInstanceOf(ConflictException.class);
        assertThat(installation.auditEntries()).hasSize(entries);
        assertThat(installation.storage.credentials().listByProject(project.id(), CredentialKind.WRITE_TOKEN)).hasSize(3);
    }

    @Test
    void aCredentialWithoutExpiryHasASuccessorWithoutExpiry() {
        Project project = installation.project("checkout");
        IssuedCredential token = installation.token(project.id(), CredentialKind.WRITE_TOKEN);

        IssuedCredential successor = gatehouse.credentials().rotate(installation.operator,
                CredentialTarget.token(project.id(), CredentialKind.WRITE_TOKEN, token.credential().id()), null);

        assertThat(successor.credential().expiresAt()).isNull();
    }

    @Test
    void anExpiredCredentialIsNeverRotatedIntoALiveOne() {
        Project project = installation.project("checkout");
        Instant soon = installation.clock.instant().plusSeconds(30).truncatedTo(ChronoUnit.MICROS);
        IssuedCredential lapsed = gatehouse.credentials().createToken(installation.operator,
                new NewProjectToken(project.id(), CredentialKind.WRITE_TOKEN, null, soon));
        IssuedCredential forced = installation.token(project.id(), CredentialKind.WRITE_TOKEN);
        CredentialTarget lapsedTarget = CredentialTarget.token(project.id(), CredentialKind.WRITE_TOKEN,
                lapsed.credential().id());
        CredentialTarget forcedTarget = CredentialTarget.token(project.id(), CredentialKind.WRITE_TOKEN,
                forced.credential().id());
        gatehouse.credentials().expire(installation.operator, forcedTarget);
        installation.clock.advance(Duration.ofSeconds(31));
        int entries = installation.auditEntries().size();

        assertThatThrownBy(() -> gatehouse.credentials().rotate(installation.operator, lapsedTarget, null))
                .isInstanceOf(ConflictException.class).hasMessage("An expired credential cannot be rotated");
        assertThatThrownBy(() -> gatehouse.credentials().rotate(installation.operator, forcedTarget, null))
                .isInstanceOf(ConflictException.class).hasMessage("An expired credential cannot be rotated");
        assertThat(installation.auditEntries()).hasSize(entries);
        assertThat(installation.storage.credentials().listByProject(project.id(), CredentialKind.WRITE_TOKEN))
                .hasSize(2);
    }

    @Test
    void theGracePeriodIsBetweenZeroAndThirtyDays() {
        Project project = installation.project("checkout");
        IssuedCredential token = installation.token(project.id(), CredentialKind.WRITE_TOKEN);
        CredentialTarget target = CredentialTarget.token(project.id(), CredentialKind.WRITE_TOKEN, token.credential().id());

        for (Duration bad : List.of(Duration.ofSeconds(-1), Duration.ofDays(30).plusSeconds(1))) {
            assertThatThrownBy(() -> gatehouse.credentials().rotate(installation.operator, target, bad))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.field()).isEqualTo("grace_period"));
        }
        assertThat(gatehouse.credentials().rotate(installation.operator, target, Duration.ofDays(30)).credential()
                .rotatedFrom()).isEqualTo(token.credential().id());
    }

    @Test
    void rotatingAKeyThatHoldsMoreThanTheCallerIsEscalationAndForbidden() {
        Principal manager = installation.keyHolding(Set.of(Scope.ORGANIZATION_WRITE_API_KEY), null);
        IssuedCredential powerful = installation.apiKey(installation.operator, Set.of(Scope.PROJECT_WRITE), null);

        assertThatThrownBy(() -> gatehouse.credentials().rotate(manager,
                CredentialTarget.apiKey(powerful.credential().id()), Duration.ZERO))
                .isInstanceOfSatisfying(ForbiddenException.class,
                        e -> assertThat(e.missingScope()).isEqualTo(Scope.PROJECT_WRITE));
        assertThat(stored(powerful.credential()).expiresAt()).isNull();
    }

    @Test
    void rotatingNeedsTheManagingScopeOfTheKind() {
        Project project = installation.project("checkout");
        IssuedCredential token = installation.token(project.id(), CredentialKind.READ_TOKEN);
        Principal writer = installation.keyHolding(Set.of(Scope.PROJECT_WRITE_TOKEN), null);

        assertThatThrownBy(() -> gatehouse.credentials().rotate(writer,
                CredentialTarget.token(project.id(), CredentialKind.READ_TOKEN, token.credential().id()), Duration.ZERO))
                .isInstanceOfSatisfying(ForbiddenException.class,
                        e -> assertThat(e.missingScope()).isEqualTo(Scope.PROJECT_READ_TOKEN));
    }

    private Credential stored(Credential credential) {
        return installation.storage.credentials().findById(credential.id()).orElseThrow();
    }

    private static List<Object> concurrently(Callable<Object> action) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return action.call();
                }));
            }
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> future : futures) {
                try {
                    outcomes.add(future.get(30, TimeUnit.SECONDS));
                } catch (ExecutionException e) {
                    outcomes.add(e.getCause());
                } catch (TimeoutException e) {
                    throw new AssertionError("a rotation did not finish", e);
                }
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
