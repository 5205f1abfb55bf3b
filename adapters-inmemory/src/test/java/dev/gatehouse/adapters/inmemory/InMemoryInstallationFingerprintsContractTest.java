package dev.gatehouse.adapters.inmemory;

import dev.gatehouse.ports.out.Storage;
import dev.gatehouse.testkit.InstallationFingerprintsContract;

/** The InstallationFingerprints contract on a fresh in-memory storage per test. */
class InMemoryInstallationFingerprintsContractTest extends InstallationFingerprintsContract {

    @Override
    protected Storage newStorage() {
        return InMemoryStorage.create();
    }
}
