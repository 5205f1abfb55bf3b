package dev.gatehouse.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.adapters.inmemory.InMemoryStorage;
import dev.gatehouse.ports.model.AuditAction;
import dev.gatehouse.ports.model.AuditEntry;
import dev.gatehouse.ports.model.Credential;
import dev.gatehouse.ports.model.CredentialKind;
import dev.gatehouse.ports.model.FieldChange;
import dev.gatehouse.ports.model.InvalidInputException;
import dev.gatehouse.ports.model.IssuedCredential;
import dev.gatehouse.ports.model.Organization;
import dev.gatehouse.ports.model.Scope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BootstrapTest {

    @Test
    void theFirstBootstrapCreatesTheOrganizationAndAnAuditedAdminKey() {
        try (Installation installation = Installation.create()) {
            IssuedCredential admin = installation.admin;
            Credential key = admin.credential();

            assertThat(installation.gatehouse.organizations().all()).extracting(Organization::name).containsExactly("acme");
            assertThat(installation.gatehouse.organizations().current(installation.operator).name()).isEqualTo("acme");
            assertThat(installation.gatehouse.organizations().findByName("acme")).isPresent();
            assertThat(key.name()).isEqualTo("admin");
            assertThat(key.kind()).isEqualTo(CredentialKind.API_KEY);
            assertThat(key.scopes()).isEqualTo(EnumSet.allOf(Scope.class));
            assertThat(key.allProjects()).isTrue();
            assertThat(key.createdBy()).isNull();
            assertThat(key.expiresAt()).isNull();
            assertThat(admin.token()).startsWith("gth_ak_");
            assertThat(installation.principal(admin.token()).credentialId()).isEqualTo(key.id());

            List<AuditEntry> entries = installation.auditEntries();
            assertThat(entries).extracting(AuditEntry::action).containsOnly(AuditAction.INSERT);
            assertThat(entries).extracting(AuditEntry::resourceType).containsExactlyInAnyOrder("organization", "api_key");
            assertThat(entries).extracting(AuditEntry::actorId).containsOnlyNulls();
            assertThat(entries).filteredOn(entry -> entry.resourceType().equals("organization")).singleElement()
                    .satisfies(entry -> {
                        assertThat(entry.recordId()).isEqualTo(installation.organization.toString());
                        assertThat(entry.changes()).containsExactly(new FieldChange("organization_name", null, "acme"));
                    });
        }
    }

    @Test
    void laterBootstrapsDoNothing() {
        try (Installation installation = Installation.create()) {
            assertThat(installation.gatehouse.bootstrap().bootstrapIfEmpty("acme")).isEmpty();
            assertThat(installation.gatehouse.bootstrap().bootstrapIfEmpty("another")).isEmpty();

            assertThat(installation.gatehouse.organizations().all()).hasSize(1);
            assertThat(installation.storage.credentials().listByOrganization(installation.organization,
                    CredentialKind.API_KEY)).hasSize(1);
        }
    }

    @Test
    void concurrentBootstrapsOnOneStoreYieldExactlyOneAdminKey() throws Exception {
        InMemoryStorage storage = InMemoryStorage.create();
        int threads = 8;
        List<Gatehouse> gatehouses = List.of(Gatehouse.builder().storage(storage).build(),
                Gatehouse.builder().storage(storage).build());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Optional<IssuedCredential>>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Gatehouse gatehouse = gatehouses.get(i % 2);
                results.add(pool.submit(() -> {
                    start.await();
                    return gatehouse.bootstrap().bootstrapIfEmpty("acme");
                }));
            }
            start.countDown();
            int admins = 0;
            for (Future<Optional<IssuedCredential>> result : results) {
                admins += result.get(30, TimeUnit.SECONDS).isPresent() ? 1 : 0;
            }

            assertThat(admins).isEqualTo(1);
            List<Organization> organizations = storage.organizations().list();
            assertThat(organizations).hasSize(1);
            assertThat(storage.credentials().listByOrganization(organizations.get(0).id(), CredentialKind.API_KEY))
                    .hasSize(1);
        } finally {
            pool.shutdownNow();
            gatehouses.forEach(Gatehouse::close);
        }
    }

    @Test
    void anInvalidOrganizationNameIsRefusedAndLeavesTheInstallationEmpty() {
        InMemoryStorage storage = InMemoryStorage.create();
        try (Gatehouse gatehouse = Gatehouse.builder().storage(storage).build()) {
            assertThatThrownBy(() -> gatehouse.bootstrap().bootstrapIfEmpty(" "))
                    .isInstanceOf(InvalidInputException.class);

            assertThat(storage.organizations().list()).isEmpty();
            assertThat(gatehouse.bootstrap().bootstrapIfEmpty("acme")).isPresent();
            assertThat(storage.audit().list(storage.organizations().list().get(0).id(), Instant.EPOCH,
                    Instant.parse("2999-01-01T00:00:00Z"), null, 100)).hasSize(2);
        }
    }
}
