package dev.gatehouse.adapters.inmemory;

import dev.gatehouse.ports.out.Storage;
import dev.gatehouse.testkit.DashboardStoreContract;

class InMemoryDashboardStoreContractTest extends DashboardStoreContract {

    @Override
    protected Storage newStorage() {
        return InMemoryStorage.create();
    }
}
