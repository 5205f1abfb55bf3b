package dev.gatehouse.adapters.inmemory;

import dev.gatehouse.ports.out.AuditStore;
import dev.gatehouse.ports.out.CredentialStore;
import dev.gatehouse.ports.out.OrganizationStore;
import dev.gatehouse.ports.out.ProjectStore;
import dev.gatehouse.ports.out.Storage;
import dev.gatehouse.ports.out.Transactions;

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

    private InMemoryStorage() {
        unitOfWork = new UnitOfWork();
        Tables tables = new Tables(unitOfWork);
        organizations = new InMemoryOrganizationStore(tables);
        projects = new InMemoryProjectStore(tables);
        credentials = new InMemoryCredentialStore(tables);
        audit = new InMemoryAuditStore(tables);
    }

    /** A new, empty storage. */
    public static InMemoryStorage create() {
        return new InMemoryStorage();
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
}
