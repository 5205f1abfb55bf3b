package dev.gatehouse.adapters.inmemory;

import dev.gatehouse.ports.out.Storage;
import dev.gatehouse.testkit.AlertStoreContract;

class InMemoryAlertStoreContractTest extends AlertStoreContract {

    @Override
    protected Storage newStorage() {
        return InMemoryStorage.create();
    }
}
