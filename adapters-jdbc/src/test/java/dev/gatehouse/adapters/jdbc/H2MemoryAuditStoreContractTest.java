package dev.gatehouse.adapters.jdbc;

import dev.gatehouse.ports.out.Storage;
import dev.gatehouse.testkit.AuditStoreContract;

/** The AuditStore contract on a fresh in-memory H2 database per test. */
class H2MemoryAuditStoreContractTest extends AuditStoreContract {

    @Override
    protected Storage newStorage() {
        return JdbcStorage.h2InMemory();
    }
}
