package dev.gatehouse.adapters.jdbc;

import dev.gatehouse.ports.out.Storage;
import dev.gatehouse.testkit.DashboardStoreContract;

/** The DashboardStore contract on a fresh in-memory H2 database per test. */
class H2MemoryDashboardStoreContractTest extends DashboardStoreContract {

    @Override
    protected Storage newStorage() {
        return JdbcStorage.h2InMemory();
    }
}
