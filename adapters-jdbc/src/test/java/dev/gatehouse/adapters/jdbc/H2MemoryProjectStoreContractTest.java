package dev.gatehouse.adapters.jdbc;

import dev.gatehouse.ports.out.Storage;
import dev.gatehouse.testkit.ProjectStoreContract;

/** The ProjectStore contract on a fresh in-memory H2 database per test. */
class H2MemoryProjectStoreContractTest extends ProjectStoreContract {

    @Override
    protected Storage newStorage() {
        return JdbcStorage.h2InMemory();
    }
}
