package dev.gatehouse.adapters.jdbc;

import dev.gatehouse.ports.out.Storage;
import dev.gatehouse.testkit.TransactionsContract;

/** The Transactions contract on a fresh in-memory H2 database per test. */
class H2MemoryTransactionsContractTest extends TransactionsContract {

    @Override
    protected Storage newStorage() {
        return JdbcStorage.h2InMemory();
    }
}
