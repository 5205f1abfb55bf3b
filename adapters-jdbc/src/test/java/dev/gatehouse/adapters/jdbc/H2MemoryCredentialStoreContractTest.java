package dev.gatehouse.adapters.jdbc;

import dev.gatehouse.ports.out.Storage;
import dev.gatehouse.testkit.CredentialStoreContract;

/** The CredentialStore contract on a fresh in-memory H2 database per test. */
class H2MemoryCredentialStoreContractTest extends CredentialStoreContract {

    @Override
    protected Storage newStorage() {
        return JdbcStorage.h2InMemory();
    }
}
