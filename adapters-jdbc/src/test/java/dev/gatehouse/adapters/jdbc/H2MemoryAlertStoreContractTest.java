package dev.gatehouse.adapters.jdbc;

import dev.gatehouse.ports.out.Storage;
import dev.gatehouse.testkit.AlertStoreContract;

/** The AlertStore contract on a fresh in-memory H2 database per test. */
class H2MemoryAlertStoreContractTest extends AlertStoreContract {

    @Override
    protected Storage newStorage() {
        return JdbcStorage.h2InMemory();
    }
}
