package dev.gatehouse.ports.out;

/**
 * One-way fingerprints of the secrets an installation was first started with (its pepper, its master secret), kept by
 * name so that a start with other secrets, which could not verify its tokens or read its channels, is refused.
 */
public interface InstallationFingerprints {

    /**
     * The fingerprint kept under {@code name}, keeping {@code fingerprint} there first if there is none: of starts
     * racing on an empty store, exactly one keeps its own, and every other start gets that one to compare with.
     */
    String keepFirst(String name, String fingerprint);

    /** Fingerprints kept nowhere, for storage without a place for them: every start's own is answered back. */
    static InstallationFingerprints none() {
        return (name, fingerprint) -> fingerprint;
    }
}
