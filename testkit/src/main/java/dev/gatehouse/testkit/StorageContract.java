package dev.gatehouse.testkit;

import dev.gatehouse.ports.model.Credential;
import dev.gatehouse.ports.model.Organization;
import dev.gatehouse.ports.model.Project;
import dev.gatehouse.ports.out.AlertStore;
import dev.gatehouse.ports.out.AuditStore;
import dev.gatehouse.ports.out.ChannelStore;
import dev.gatehouse.ports.out.CredentialStore;
import dev.gatehouse.ports.out.DashboardStore;
import dev.gatehouse.ports.out.InstallationFingerprints;
import dev.gatehouse.ports.out.OrganizationStore;
import dev.gatehouse.ports.out.ProjectStore;
import dev.gatehouse.ports.out.Storage;
import dev.gatehouse.ports.out.Transactions;
import dev.gatehouse.ports.out.VariableStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The base of every storage contract: each test gets a fresh, empty storage from {@link #newStorage()}, closed after
 * the test. An adapter runs a contract by extending it and implementing that one method.
 */
public abstract class StorageContract {

    private Storage storage;

    /** A fresh, empty storage for one test; the contract closes it after the test. */
    protected abstract Storage newStorage();

    /** Runs after each test once its storage is closed, for adapters that must release more (a database, a file). */
    protected void afterEach() {
    }

    @BeforeEach
    final void openStorage() {
        storage = newStorage();
    }

    @AfterEach
    final void closeStorage() {
        try {
            if (storage != null) {
                storage.close();
            }
        } finally {
            afterEach();
        }
    }

    final Transactions transactions() {
        return storage.transactions();
    }

    final OrganizationStore organizations() {
        return storage.organizations();
    }

    final ProjectStore projects() {
        return storage.projects();
    }

    final CredentialStore credentials() {
        return storage.credentials();
    }

    final AuditStore audit() {
        return storage.audit();
    }

    final DashboardStore dashboards() {
        return storage.dashboards();
    }

    final VariableStore variables() {
        return storage.variables();
    }

    final ChannelStore channels() {
        return storage.channels();
    }

    final InstallationFingerprints fingerprints() {
        return storage.fingerprints();
    }

    final AlertStore alerts() {
        return storage.alerts();
    }

    final Organization givenOrganization() {
        Organization organization = TestData.organization();
        organizations().insert(organization);
        return organization;
    }

    final Project givenProject(Organization organization) {
        Project project = TestData.project(organization.id());
        projects().insert(project);
        return project;
    }

    final Credential given(Credential credential) {
        credentials().insert(credential);
        return credential;
    }
}
