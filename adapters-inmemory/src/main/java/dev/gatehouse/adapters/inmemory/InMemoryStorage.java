package dev.gatehouse.adapters.inmemory;

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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A storage kept in memory that enforces the same keys, references and cascades as the SQL schema, runs units of
 * work atomically and serially, and never hands out live state. Thread-safe: a unit of work holds the storage's one
 * lock until it ends, so other threads' store calls wait for it and never see its uncommitted writes.
 */
public final class InMemoryStorage implements Storage {

    private final UnitOfWork unitOfWork;
    private final OrganizationStore organizations;
    private final ProjectStore projects;
    private final CredentialStore credentials;
    private final AuditStore audit;
    private final DashboardStore dashboards;
    private final VariableStore variables;
    private final ChannelStore channels;
    private final AlertStore alerts;
    private final Map<String, String> fingerprints = new ConcurrentHashMap<>();

    private InMemoryStorage() {
        unitOfWork = new UnitOfWork();
        Tables tables = new Tables(unitOfWork);
        organizations = new InMemoryOrganizationStore(tables);
        projects = new InMemoryProjectStore(tables);
        credentials = new InMemoryCredentialStore(tables);
        audit = new InMemoryAuditStore(tables);
        dashboards = new InMemoryDashboardStore(tables);
        variables = new InMemoryVariableStore(tables);
        channels = new InMemoryChannelStore(tables);
        alerts = new InMemoryAlertStore(tables);
    }

    /** A new, empty storage. */
    public static InMemoryStorage create() {
        return new InMemoryStorage();
    }

    /** The fingerprints of this storage's installation, kept at once and outside any unit of work. */
    @Override
    public InstallationFingerprints fingerprints() {
        return (name, fingerprint) -> fingerprints.computeIfAbsent(name, absent -> fingerprint);
    }

    /** Units of work spanning every store of this storage; a nested unit joins the enclosing one. */
    @Override
    public Transactions transactions() {
        return unitOfWork;
    }

    /** The organizations of this storage. */
    @Override
    public OrganizationStore organizations() {
        return organizations;
    }

    /** The projects of this storage; deleting one deletes its credentials. */
    @Override
    public ProjectStore projects() {
        return projects;
    }

    /** The credentials of this storage. */
    @Override
    public CredentialStore credentials() {
        return credentials;
    }

    /** The append-only audit log of this storage. */
    @Override
    public AuditStore audit() {
        return audit;
    }

    /** The dashboards of this storage; a project's go with it. */
    @Override
    public DashboardStore dashboards() {
        return dashboards;
    }

    /** The managed variables of this storage; a project's go with it. */
    @Override
    public VariableStore variables() {
        return variables;
    }

    /** The notification channels of this storage, their secrets as the core encrypted them. */
    @Override
    public ChannelStore channels() {
        return channels;
    }

    /** The alerts of this storage; a project's go with it, and a deleted channel leaves every alert. */
    @Override
    public AlertStore alerts() {
        return alerts;
    }
}
