package dev.gatehouse.adapters.inmemory;

import dev.gatehouse.ports.out.Storage;
import dev.gatehouse.testkit.ProjectStoreContract;

class InMemoryProjectStoreContractTest extends ProjectStoreContract {

    @Override
    protected Storage newStorage() {
        return InMemoryStorage.create();
    }
}
