package dev.gatehouse.core;

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
import dev.gatehouse.ports.out.VerificationInvalidations;

/**
 * A storage that hands every store to another, for test storages that change a few stores and keep the rest; closing
 * it leaves the other open, for its owner to close.
 */
abstract class ForwardingStorage implements Storage {

    final Storage delegate;

    ForwardingStorage(Storage delegate) {
        this.delegate = delegate;
    }

    @Override
    public Transactions transactions() {
        return delegate.transactions();
    }

    @Override
    public OrganizationStore organizations() {
        return delegate.organizations();
    }

    @Override
    public ProjectStore projects() {
        return delegate.projects();
    }

    @Override
    public CredentialStore credentials() {
        return delegate.credentials();
    }

    @Override
    public AuditStore audit() {
        return delegate.audit();
    }

    @Override
    public ChannelStore channels() {
        return delegate.channels();
    }

    @Override
    public AlertStore alerts() {
        return delegate.alerts();
    }

    @Override
    public DashboardStore dashboards() {
        return delegate.dashboards();
    }

    @Override
    public VariableStore variables() {
        return delegate.variables();
    }

    @Override
    public VerificationInvalidations invalidations() {
        return delegate.invalidations();
    }

    @Override
    public InstallationFingerprints fingerprints() {
        return delegate.fingerprints();
    }
}
