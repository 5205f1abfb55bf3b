package dev.gatehouse.adapters.jdbc;

import static dev.gatehouse.adapters.jdbc.Eventually.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.Gatehouse;
import dev.gatehouse.ports.in.ApiKeyUpdate;
import dev.gatehouse.ports.in.CredentialTarget;
import dev.gatehouse.ports.in.NewApiKey;
import dev.gatehouse.ports.in.NewProject;
import dev.gatehouse.ports.in.NewProjectToken;
import dev.gatehouse.ports.model.Change;
import dev.gatehouse.ports.model.CredentialKind;
import dev.gatehouse.ports.model.GatewayProxyClaims;
import dev.gatehouse.ports.model.IssuedCredential;
import dev.gatehouse.ports.model.Principal;
import dev.gatehouse.ports.model.Project;
import dev.gatehouse.ports.model.Scope;
import dev.gatehouse.ports.model.ScopeClaims;
import dev.gatehouse.ports.model.VerifyResult;
import dev.gatehouse.testkit.postgres.PostgresTestDatabase;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two Gatehouse instances sharing one PostgreSQL database, each caching verifications for ten minutes: a revoke,
 * expire, rotation or project deletion on one instance ends the other's cached verification of the token within
 * moments, long before the cache would let it go, and a key's new claims reach the other's principal as soon.
 */
@Timeout(60)
class PostgresSharedVerificationCacheIT {

    private static final Duration CACHE_LIFETIME = Duration.ofMinutes(10);

    @RegisterExtension
    static final PostgresTestDatabase DATABASE = new PostgresTestDatabase();

    private JdbcStorage storageOfA;
    private JdbcStorage storageOfB;
    private Gatehouse instanceA;
    private Gatehouse instanceB;
    private Principal operator;
    private Project project;
    private IssuedCredential token;
    private CredentialTarget target;

    @BeforeEach
    void twoInstancesWithATokenBothHaveCached() {
        DATABASE.reset();
        storageOfA = JdbcStorage.postgres(DATABASE.jdbcUrl());
        storageOfB = JdbcStorage.postgres(DATABASE.jdbcUrl());
        instanceA = open(storageOfA);
        instanceB = open(storageOfB);
        IssuedCredential admin = instanceA.bootstrap().bootstrapIfEmpty("acme").orElseThrow();
        operator = Principal.operator(admin.credential().organizationId());
        project = instanceA.projects().create(operator, NewProject.named("web-shop"));
        token = instanceA.credentials().createToken(operator,
                new NewProjectToken(project.id(), CredentialKind.WRITE_TOKEN, "ingest", null));
        target = CredentialTarget.token(project.id(), CredentialKind.WRITE_TOKEN, token.credential().id());
        assertThat(instanceA.verifier().verify(token.token())).isInstanceOf(VerifyResult.Verified.class);
        assertThat(instanceB.verifier().verify(token.token())).isInstanceOf(VerifyResult.Verified.class);
    }

    @AfterEach
    void closeBoth() {
        instanceA.close();
        instanceB.close();
        storageOfA.close();
        storageOfB.close();
    }

    @Test
    void aTokenRevokedOnOneInstanceIsRefusedByTheOther() {
        instanceA.credentials().revoke(operator, target);

        awaitRefusedBy(instanceB);
        assertThat(instanceA.verifier().verify(token.token())).isInstanceOf(VerifyResult.Denied.class);
    }

    @Test
    void aTokenExpiredOnOneInstanceIsRefusedByTheOther() {
        instanceA.credentials().expire(operator, target);

        awaitRefusedBy(instanceB);
    }

    @Test
    void aTokenRotatedWithoutGraceOnOneInstanceIsRefusedByTheOtherWhileItsSuccessorIsAccepted() {
        IssuedCredential successor = instanceA.credentials().rotate(operator, target, Duration.ZERO);

        awaitRefusedBy(instanceB);
        assertThat(instanceB.verifier().verify(successor.token())).isInstanceOf(VerifyResult.Verified.class);
    }

    @Test
    void theTokensOfAProjectDeletedOnOneInstanceAreRefusedByTheOther() {
        instanceA.projects().delete(operator, project.id());

        awaitRefusedBy(instanceB);
    }

    @Test
    void claimsChangedOnOneInstanceReachTheOthersVerifiedPrincipal() {
        ScopeClaims limited = new ScopeClaims(new GatewayProxyClaims(100L, null, null, null, null));
        ScopeClaims raised = new ScopeClaims(new GatewayProxyClaims(1_000L, null, null, null, true));
        IssuedCredential key = instanceA.credentials().createApiKey(operator,
                new NewApiKey("gateway", null, Set.of(Scope.PROJECT_GATEWAY_PROXY), null, null, limited));
        assertThat(claimsSeenBy(instanceB, key)).isEqualTo(limited);

        instanceA.credentials().updateApiKey(operator, CredentialTarget.apiKey(key.credential().id()),
                new ApiKeyUpdate(Change.keep(), Change.keep(), Change.to(raised)));

        awaitTrue(() -> raised.equals(claimsSeenBy(instanceB, key)), "the other instance to see the new claims");
        assertThat(claimsSeenBy(instanceA, key)).isEqualTo(raised);
    }

    private static ScopeClaims claimsSeenBy(Gatehouse instance, IssuedCredential key) {
        VerifyResult result = instance.verifier().verify(key.token());
        assertThat(result).isInstanceOf(VerifyResult.Verified.class);
        return ((VerifyResult.Verified) result).principal().claims();
    }

    private static Gatehouse open(JdbcStorage storage) {
        return Gatehouse.builder().storage(storage).verificationCache(1_000, CACHE_LIFETIME, CACHE_LIFETIME).build();
    }

    private void awaitRefusedBy(Gatehouse instance) {
        awaitTrue(() -> instance.verifier().verify(token.token()) instanceof VerifyResult.Denied,
                "the other instance to refuse the token");
    }
}
