package dev.gatehouse.adapters.jdbc;

import static dev.gatehouse.adapters.jdbc.Eventually.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.Gatehouse;
import dev.gatehouse.ports.in.CredentialTarget;
import dev.gatehouse.ports.in.NewProject;
import dev.gatehouse.ports.in.NewProjectToken;
import dev.gatehouse.ports.model.CredentialKind;
import dev.gatehouse.ports.model.IssuedCredential;
import dev.gatehouse.ports.model.Principal;
import dev.gatehouse.ports.model.Project;
import dev.gatehouse.ports.model.VerifyResult;
import dev.gatehouse.testkit.postgres.PostgresTestDatabase;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two Gatehouse instances sharing one PostgreSQL database, each caching verifications for ten minutes: a revoke,
 * expire, rotation or project deletion on one instance ends the other's cached verification of the token within
 * moments, long before the cache would let it go.
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

    private static Gatehouse open(JdbcStorage storage) {
        return Gatehouse.builder().storage(storage).verificationCache(1_000, CACHE_LIFETIME, CACHE_LIFETIME).build();
    }

    private void awaitRefusedBy(Gatehouse instance) {
        awaitTrue(() -> instance.verifier().verify(token.token()) instanceof VerifyResult.Denied,
                "the other instance to refuse the token");
    }
}
