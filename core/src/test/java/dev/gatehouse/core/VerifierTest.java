package dev.gatehouse.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.adapters.inmemory.InMemoryStorage;
import dev.gatehouse.core.internal.FailedLoginRecorder;
import dev.gatehouse.core.internal.LastUsedRecorder;
import dev.gatehouse.core.internal.Timekeeper;
import dev.gatehouse.core.internal.TokenFormat;
import dev.gatehouse.core.internal.TokenHasher;
import dev.gatehouse.core.internal.VerificationCache;
import dev.gatehouse.ports.in.ApiKeyUpdate;
import dev.gatehouse.ports.in.CredentialTarget;
import dev.gatehouse.ports.in.NewApiKey;
import dev.gatehouse.ports.in.NewProjectToken;
import dev.gatehouse.ports.model.Change;
import dev.gatehouse.ports.model.Credential;
import dev.gatehouse.ports.model.CredentialKind;
import dev.gatehouse.ports.model.DenialReason;
import dev.gatehouse.ports.model.GatewayProxyClaims;
import dev.gatehouse.ports.model.IssuedCredential;
import dev.gatehouse.ports.model.Principal;
import dev.gatehouse.ports.model.Project;
import dev.gatehouse.ports.model.ProjectId;
import dev.gatehouse.ports.model.Scope;
import dev.gatehouse.ports.model.ScopeClaims;
import dev.gatehouse.ports.model.VerifyResult;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VerifierTest {

    private final Installation installation = Installation.create();
    private final Gatehouse gatehouse = installation.gatehouse;

    @AfterEach
    void close() {
        installation.close();
    }

    @Test
    void aValidTokenYieldsThePrincipalOfItsCredential() {
        Project project = installation.project("checkout");
        IssuedCredential token = installation.token(project.id(), CredentialKind.WRITE_TOKEN);

        VerifyResult result = gatehouse.verifier().verify(token.token(), Scope.PROJECT_WRITE_OTLP, project.id());

        assertThat(result).isInstanceOf(VerifyResult.Verified.class);
        Principal principal = ((VerifyResult.Verified) result).principal();
        assertThat(principal.credentialId()).isEqualTo(token.credential().id());
        assertThat(principal.kind()).isEqualTo(CredentialKind.WRITE_TOKEN);
        assertThat(principal.organizationId()).isEqualTo(installation.organization);
        assertThat(principal.projectId()).isEqualTo(project.id());
        assertThat(principal.scopes()).containsExactly(Scope.PROJECT_WRITE_OTLP);
    }

    @Test
    void malformedTokensAreRefusedAndNeverThrow() {
        String valid = installation.admin.token();
        String flipped = valid.substring(0, 20) + (valid.charAt(20) == 'a' ? 'b' : 'a') + valid.substring(21);

        for (String token : new String[] {null, "", "Bearer x", flipped, valid + "x", valid.replace("gth_", "abc_"),
                "gth_ak_" + "é".repeat(49), "\u0000".repeat(56)}) {
            assertThat(gatehouse.verifier().verify(token)).isEqualTo(denied(DenialReason.MALFORMED));
            assertThat(gatehouse.verifier().verify(token, Scope.PROJECT_READ)).isEqualTo(denied(DenialReason.MALFORMED));
            assertThat(gatehouse.verifier().verify(token, Scope.PROJECT_READ, ProjectId.random()))
                    .isEqualTo(denied(DenialReason.MALFORMED));
        }
        assertThat(installation.storage.lookupsByHash).hasValue(0);
    }

    @Test
    void aMalformedTokenCausesNoHashingAndNoLookupYetIsCountedAsAFailedLogin() {
        CountingStorage storage = new CountingStorage(InMemoryStorage.create());
        AtomicInteger hashes = new AtomicInteger();
        TokenHasher sha = TokenHasher.sha256();
        TokenHasher counting = () -> {
            TokenHasher.Engine engine = sha.newEngine();
            return token -> {
                hashes.incrementAndGet();
                return engine.digest(token);
            };
        };
        TokenFormat format = new TokenFormat("gth", new SecureRandom());
        List<FailedLoginRecorder.Window> windows = new CopyOnWriteArrayList<>();
        try (Timekeeper time = Timekeeper.of(installation.clock);
                LastUsedRecorder recorder = new LastUsedRecorder(batch -> { }, Duration.ofHours(1), time);
                FailedLoginRecorder failures = new FailedLoginRecorder(windows::add, installation.clock,
                        Duration.ofHours(1))) {
            VerificationCache cache = new VerificationCache(10, Duration.ofHours(1), Duration.ofHours(1),
                    storage.credentials()::findGrantByHash, time);
            VerifierService verifier = new VerifierService(format, counting, cache, time, recorder,
                    failures);
            String wellFormed = format.generate(CredentialKind.API_KEY);

            assertThat(verifier.verify(wellFormed.substring(1) + "x")).isEqualTo(denied(DenialReason.MALFORMED));
            assertThat(verifier.verify(wellFormed.toLowerCase())).isEqualTo(denied(DenialReason.MALFORMED));
            assertThat(hashes).hasValue(0);
            assertThat(storage.lookupsByHash).hasValue(0);

            assertThat(verifier.verify(wellFormed)).isEqualTo(denied(DenialReason.NOT_FOUND));
            assertThat(hashes).hasValue(1);
            assertThat(storage.lookupsByHash).hasValue(1);

            failures.flush();
            assertThat(windows).singleElement().satisfies(window -> {
                assertThat(window.unattributed()).isEqualTo(Map.of(DenialReason.MALFORMED, 2L, DenialReason.NOT_FOUND, 1L));
                assertThat(window.byOrganization()).isEmpty();
            });
        }
    }

    @Test
    void anUnknownTokenIsNotFoundAndTheNegativeCacheSavesTheSecondLookup() {
        String unknown = new TokenFormat("gth", new SecureRandom()).generate(CredentialKind.READ_TOKEN);

        assertThat(gatehouse.verifier().verify(unknown)).isEqualTo(denied(DenialReason.NOT_FOUND));
        assertThat(gatehouse.verifier().verify(unknown)).isEqualTo(denied(DenialReason.NOT_FOUND));

        assertThat(installation.storage.lookupsByHash).hasValue(1);
    }

    @Test
    void withoutANegativeCacheEveryUnknownTokenIsLookedUp() {
        try (Installation uncached = Installation.create(builder ->
                builder.verificationCache(1_000, Duration.ofHours(1), Duration.ZERO))) {
            String unknown = new TokenFormat("gth", new SecureRandom()).generate(CredentialKind.READ_TOKEN);

            uncached.gatehouse.verifier().verify(unknown);
            uncached.gatehouse.verifier().verify(unknown);

            assertThat(uncached.storage.lookupsByHash).hasValue(2);
        }
    }

    @Test
    void aKnownTokenIsLookedUpOnceAndThenServedFromTheCache() {
        String token = installation.admin.token();

        for (int i = 0; i < 5; i++) {
            assertThat(gatehouse.verifier().verify(token)).isInstanceOf(VerifyResult.Verified.class);
        }

        assertThat(installation.storage.lookupsByHash).hasValue(1);
    }

    @Test
    void aRevokedTokenIsRefusedOnTheVeryNextVerifyDespiteALongCacheLifetime() {
        Project project = installation.project("checkout");
        IssuedCredential token = installation.token(project.id(), CredentialKind.WRITE_TOKEN);
        assertThat(gatehouse.verifier().verify(token.token())).isInstanceOf(VerifyResult.Verified.class);

        gatehouse.credentials().revoke(installation.operator,
                CredentialTarget.token(project.id(), CredentialKind.WRITE_TOKEN, token.credential().id()));

        assertThat(gatehouse.verifier().verify(token.token())).isEqualTo(denied(DenialReason.REVOKED));
    }

    @Test
    void aKeysClaimsTravelWithItsPrincipalAndAnUpdateShowsOnTheVeryNextVerify() {
        ScopeClaims limited = new ScopeClaims(new GatewayProxyClaims(100L, null, null, null, true));
        ScopeClaims raised = new ScopeClaims(new GatewayProxyClaims(1_000L, null, null, 50_000L, null));
        IssuedCredential key = gatehouse.credentials().createApiKey(installation.operator,
                new NewApiKey("gateway", null, Set.of(Scope.PROJECT_GATEWAY_PROXY), null, null, limited));
        Project project = installation.project("checkout");
        IssuedCredential token = installation.token(project.id(), CredentialKind.WRITE_TOKEN);

        assertThat(verifiedPrincipal(key.token()).claims()).isEqualTo(limited);
        assertThat(verifiedPrincipal(token.token()).claims()).isSameAs(ScopeClaims.NONE);

        gatehouse.credentials().updateApiKey(installation.operator, CredentialTarget.apiKey(key.credential().id()),
                new ApiKeyUpdate(Change.keep(), Change.keep(), Change.to(raised)));

        assertThat(verifiedPrincipal(key.token()).claims()).isEqualTo(raised);
    }

    private Principal verifiedPrincipal(String token) {
        VerifyResult result = gatehouse.verifier().verify(token);
        assertThat(result).isInstanceOf(VerifyResult.Verified.class);
        return ((VerifyResult.Verified) result).principal();
    }

    @Test
    void anExpiredTokenIsRefusedOnTheVeryNextVerify() {
        Project project = installation.project("checkout");
        IssuedCredential token = installation.token(project.id(), CredentialKind.READ_TOKEN);
        assertThat(gatehouse.verifier().verify(token.token())).isInstanceOf(VerifyResult.Verified.class);

        gatehouse.credentials().expire(installation.operator,
                CredentialTarget.token(project.id(), CredentialKind.READ_TOKEN, token.credential().id()));

        assertThat(gatehouse.verifier().verify(token.token())).isEqualTo(denied(DenialReason.EXPIRED));
    }

    @Test
    void expiryIsCheckedAgainstTheClockOnEveryCacheHit() {
        Project project = installation.project("checkout");
        IssuedCredential token = gatehouse.credentials().createToken(installation.operator, new NewProjectToken(
                project.id(), CredentialKind.WRITE_TOKEN, null, installation.clock.instant().plusSeconds(60)));
        assertThat(gatehouse.verifier().verify(token.token())).isInstanceOf(VerifyResult.Verified.class);
        int lookups = installation.storage.lookupsByHash.get();

        installation.clock.advance(Duration.ofSeconds(61));

        assertThat(gatehouse.verifier().verify(token.token())).isEqualTo(denied(DenialReason.EXPIRED));
        assertThat(installation.storage.lookupsByHash).hasValue(lookups);
    }

    @Test
    void aStoredExpiryTooFarAheadForMicrosecondsStillVerifies() {
        Project project = installation.project("checkout");
        IssuedCredential token = installation.token(project.id(), CredentialKind.WRITE_TOKEN);
        Credential stored = installation.storage.credentials().findById(token.credential().id()).orElseThrow();
        // A row written before expiries were limited to year 9999.
        Instant year300000 = Instant.parse("+300000-01-01T00:00:00Z");
        installation.storage.transactions().run(() -> installation.storage.credentials()
                .update(stored.withExpiry(year300000, null, installation.clock.instant())));

        assertThat(gatehouse.verifier().verify(token.token())).isInstanceOf(VerifyResult.Verified.class);
    }

    @Test
    void aRotatedTokenStopsAtOnceWithoutGraceAndItsSuccessorWorks() {
        Project project = installation.project("checkout");
        IssuedCredential token = installation.token(project.id(), CredentialKind.WRITE_TOKEN);
        assertThat(gatehouse.verifier().verify(token.token())).isInstanceOf(VerifyResult.Verified.class);

        IssuedCredential successor = gatehouse.credentials().rotate(installation.operator,
                CredentialTarget.token(project.id(), CredentialKind.WRITE_TOKEN, token.credential().id()),
                Duration.ZERO);

        assertThat(gatehouse.verifier().verify(token.token())).isEqualTo(denied(DenialReason.EXPIRED));
        assertThat(gatehouse.verifier().verify(successor.token())).isInstanceOf(VerifyResult.Verified.class);
    }

    @Test
    void deletingAProjectStopsItsCachedTokensAtOnce() {
        Project project = installation.project("checkout");
        IssuedCredential write = installation.token(project.id(), CredentialKind.WRITE_TOKEN);
        IssuedCredential key = installation.apiKey(installation.operator, Set.of(Scope.PROJECT_READ), project.id());
        assertThat(gatehouse.verifier().verify(write.token())).isInstanceOf(VerifyResult.Verified.class);
        assertThat(gatehouse.verifier().verify(key.token())).isInstanceOf(VerifyResult.Verified.class);

        gatehouse.projects().delete(installation.operator, project.id());

        assertThat(gatehouse.verifier().verify(write.token())).isEqualTo(denied(DenialReason.NOT_FOUND));
        assertThat(gatehouse.verifier().verify(key.token())).isEqualTo(denied(DenialReason.NOT_FOUND));
    }

    @Test
    void aMissingScopeIsNamed() {
        Project project = installation.project("checkout");
        IssuedCredential token = installation.token(project.id(), CredentialKind.READ_TOKEN);

        assertThat(gatehouse.verifier().verify(token.token(), Scope.PROJECT_WRITE_OTLP))
                .isEqualTo(new VerifyResult.Denied(DenialReason.INSUFFICIENT_SCOPE, Scope.PROJECT_WRITE_OTLP));
        assertThat(gatehouse.verifier().verify(token.token(), Scope.PROJECT_READ_OTLP))
                .isInstanceOf(VerifyResult.Verified.class);
    }

    @Test
    void aCredentialBoundToAnotherProjectIsTreatedAsIfTheProjectDidNotExist() {
        Project checkout = installation.project("checkout");
        Project billing = installation.project("billing");
        IssuedCredential token = installation.token(checkout.id(), CredentialKind.WRITE_TOKEN);

        assertThat(gatehouse.verifier().verify(token.token(), Scope.PROJECT_WRITE_OTLP, billing.id()))
                .isEqualTo(denied(DenialReason.NOT_FOUND));
        assertThat(gatehouse.verifier().verify(installation.admin.token(), Scope.PROJECT_WRITE_OTLP, billing.id()))
                .isInstanceOf(VerifyResult.Verified.class);
    }

    @Test
    void theScopeIsCheckedBeforeTheProject() {
        Project checkout = installation.project("checkout");
        IssuedCredential token = installation.token(checkout.id(), CredentialKind.WRITE_TOKEN);

        assertThat(gatehouse.verifier().verify(token.token(), Scope.PROJECT_READ, ProjectId.random()))
                .isEqualTo(new VerifyResult.Denied(DenialReason.INSUFFICIENT_SCOPE, Scope.PROJECT_READ));
    }

    @Test
    void aPepperedInstallationStoresTheHmacAndStillVerifies() {
        byte[] pepper = "pepper".getBytes(StandardCharsets.UTF_8);
        try (Installation peppered = Installation.create(builder -> builder.pepper(pepper))) {
            IssuedCredential admin = peppered.admin;

            assertThat(admin.credential().tokenHash().hex()).isEqualTo(TokenHasher.hmacSha256(pepper).hex(admin.token()));
            assertThat(admin.credential().tokenHash().hex()).isNotEqualTo(TokenHasher.sha256().hex(admin.token()));
            assertThat(peppered.gatehouse.verifier().verify(admin.token())).isInstanceOf(VerifyResult.Verified.class);
        }
    }

    @Test
    void anInstallationPrefixShapesItsTokensAndRefusesOthers() {
        try (Installation acme = Installation.create(builder -> builder.tokenPrefix("acme"))) {
            assertThat(acme.admin.token()).startsWith("acme_ak_");
            assertThat(acme.admin.credential().tokenPrefix()).isEqualTo(acme.admin.token().substring(0, 12));
            assertThat(acme.gatehouse.verifier().verify(installation.admin.token()))
                    .isEqualTo(denied(DenialReason.MALFORMED));
        }
    }

    @Test
    void anAdminKeyHoldsEveryScope() {
        assertThat(installation.adminPrincipal().scopes()).isEqualTo(EnumSet.allOf(Scope.class));
    }

    private static VerifyResult denied(DenialReason reason) {
        return VerifyResult.Denied.because(reason);
    }
}
