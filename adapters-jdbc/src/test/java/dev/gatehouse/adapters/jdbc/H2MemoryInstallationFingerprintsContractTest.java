package dev.gatehouse.adapters.jdbc;

import dev.gatehouse.ports.out.Storage;
import dev.gatehouse.testkit.InstallationFingerprintsContract;

/** The InstallationFingerprints contract on a fresh in-memory H2 database per test. */
class H2MemoryInstallationFingerprintsContractTest extends InstallationFingerprintsContract {

    @Override
    protected Storage newStorage() {
        return JdbcStorage.h2InMemory();
    }
}
