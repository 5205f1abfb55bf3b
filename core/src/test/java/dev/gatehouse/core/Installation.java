package dev.gatehouse.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.adapters.inmemory.InMemoryStorage;
import dev.gatehouse.ports.in.NewApiKey;
import dev.gatehouse.ports.in.NewProject;
import dev.gatehouse.ports.in.NewProjectToken;
import dev.gatehouse.ports.model.AuditEntry;
import dev.gatehouse.ports.model.CredentialKind;
import dev.gatehouse.ports.model.IssuedCredential;
import dev.gatehouse.ports.model.Organization;
import dev.gatehouse.ports.model.OrganizationId;
import dev.gatehouse.ports.model.Principal;
import dev.gatehouse.ports.model.Project;
import dev.gatehouse.ports.model.ProjectId;
import dev.gatehouse.ports.model.Scope;
import dev.gatehouse.ports.model.VerifyResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A bootstrapped Gatehouse on in-memory storage with a hand-moved clock, long cache lifetimes (so that only explicit
 * invalidation refreshes an entry) and a flush interval no test waits for.
 */
final class Installation implements AutoCloseable {

    final MutableClock clock = MutableClock.at2030();
    final CountingStorage storage = new CountingStorage(InMemoryStorage.create());
    final Gatehouse gatehouse;
    final IssuedCredential admin;
    final OrganizationId organization;
    final Principal operator;

    private Installation(UnaryOperator<Gatehouse.Builder> configuration) {
        gatehouse = configuration.apply(Gatehouse.builder()
                        .storage(storage)
                        .clock(clock)
                        .verificationCache(1_000, Duration.ofHours(1), Duration.ofHours(1))
                        .lastUsedFlushInterval(Duration.ofHours(1)))
                .build();
        admin = gatehouse.bootstrap().bootstrapIfEmpty("acme").orElseThrow();
        organization = admin.credential().organizationId();
        operator = Principal.operator(organization);
    }

    static Installation create() {
        return new Installation(UnaryOperator.identity());
    }

    static Installation create(UnaryOperator<Gatehouse.Builder> configuration) {
        return new Installation(configuration);
    }

    /** The principal of a token that must verify. */
    Principal principal(String token) {
        VerifyResult result = gatehouse.verifier().verify(token);
        assertThat(result).isInstanceOf(VerifyResult.Verified.class);
        return ((VerifyResult.Verified) result).principal();
    }

    Principal adminPrincipal() {
        return principal(admin.token());
    }

    Project project(String name) {
        return gatehouse.projects().create(operator, NewProject.named(name));
    }

    IssuedCredential apiKey(Principal caller, Set<Scope> scopes, ProjectId project) {
        return gatehouse.credentials().createApiKey(caller, new NewApiKey("key", null, scopes, project, null));
    }

    /** The principal of a new API key holding {@code scopes}, bound to {@code project} (null for all projects). */
    Principal keyHolding(Set<Scope> scopes, ProjectId project) {
        return principal(apiKey(operator, scopes, project).token());
    }

    IssuedCredential token(ProjectId project, CredentialKind kind) {
        return gatehouse.credentials().createToken(operator, new NewProjectToken(project, kind, null, null));
    }

    /** Every audit entry of the organization, oldest first. */
    List<AuditEntry> auditEntries() {
        return auditEntries(organization);
    }

    /**
     * The newest audit entry about {@code recordId}; tests move the clock between changes of one record, since
     * entries of the same instant are ordered by their random ids.
     */
    AuditEntry lastAuditEntryOf(Object recordId) {
        List<AuditEntry> entries = auditEntries().stream()
                .filter(entry -> entry.recordId().equals(recordId.toString()))
                .toList();
        assertThat(entries).isNotEmpty();
        return entries.get(entries.size() - 1);
    }

    List<AuditEntry> auditEntries(OrganizationId organization) {
        return storage.audit().list(organization, Instant.EPOCH, Instant.parse("2999-01-01T00:00:00Z"), null,
                Integer.MAX_VALUE);
    }

    /** A second organization, created directly in the store as an operator would. */
    OrganizationId otherOrganization() {
        Organization other = new Organization(OrganizationId.random(), "other", clock.instant());
        storage.transactions().run(() -> storage.organizations().insert(other));
        return other.id();
    }

    @Override
    public void close() {
        gatehouse.close();
        storage.close();
    }
}
