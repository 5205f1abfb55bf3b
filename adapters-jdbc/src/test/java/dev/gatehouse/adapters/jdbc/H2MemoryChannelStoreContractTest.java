package dev.gatehouse.adapters.jdbc;

import dev.gatehouse.ports.out.Storage;
import dev.gatehouse.testkit.ChannelStoreContract;

/** The ChannelStore contract on a fresh in-memory H2 database per test. */
class H2MemoryChannelStoreContractTest extends ChannelStoreContract {

    @Override
    protected Storage newStorage() {
        return JdbcStorage.h2InMemory();
    }
}
