package dev.gatehouse.ports.out;

/** One storage backend: its stores and the transactions that span them; closing it releases its resources. */
public interface Storage extends AutoCloseable {

    Transactions transactions();

    OrganizationStore organizations();

    ProjectStore projects();

    CredentialStore credentials();

    AuditStore audit();

    /** Releases connections and files; the stores must not be used afterwards. */
    @Override
    default void close() {
    }
}
