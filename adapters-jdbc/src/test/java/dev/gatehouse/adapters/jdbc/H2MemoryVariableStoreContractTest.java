package dev.gatehouse.adapters.jdbc;

import dev.gatehouse.ports.out.Storage;
import dev.gatehouse.testkit.VariableStoreContract;

/** The VariableStore contract on a fresh in-memory H2 database per test. */
class H2MemoryVariableStoreContractTest extends VariableStoreContract {

    @Override
    protected Storage newStorage() {
        return JdbcStorage.h2InMemory();
    }
}
