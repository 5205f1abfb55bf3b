package dev.gatehouse.ports.out;

/** One storage backend: its stores and the transactions that span them; closing it releases its resources. */
public interface Storage extends AutoCloseable {

    Transactions transactions();

    OrganizationStore organizations();

    ProjectStore projects();

    CredentialStore credentials();

    AuditStore audit();

    /** The notification channels of every organization; secrets in them are stored encrypted. */
    ChannelStore channels();

    /** The alerts of every project, with their channel assignments. */
    AlertStore alerts();

    /** The dashboards of every project. */
    DashboardStore dashboards();

    /** The managed variables of every project, with their labels and versions. */
    VariableStore variables();

    /**
     * How the Gatehouse instances sharing this storage tell each other which credentials changed; by default
     * nothing, for storage that one instance uses alone.
     */
    default VerificationInvalidations invalidations() {
        return VerificationInvalidations.none();
    }

    /**
     * The fingerprints of the secrets this storage's installation was first started with; by default none are kept,
     * for storage that has no place for them.
     */
    default InstallationFingerprints fingerprints() {
        return InstallationFingerprints.none();
    }

    /** Releases connections and files; the stores must not be used afterwards. */
    @Override
    default void close() {
    }
}
