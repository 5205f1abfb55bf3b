package dev.gatehouse.adapters.jdbc;

import dev.gatehouse.ports.out.Storage;
import dev.gatehouse.testkit.OrganizationStoreContract;

/** The OrganizationStore contract on a fresh in-memory H2 database per test. */
class H2MemoryOrganizationStoreContractTest extends OrganizationStoreContract {

    @Override
    protected Storage newStorage() {
        return JdbcStorage.h2InMemory();
    }
}
