package dev.gatehouse.adapters.inmemory;

import dev.gatehouse.ports.out.Storage;
import dev.gatehouse.testkit.VariableStoreContract;

class InMemoryVariableStoreContractTest extends VariableStoreContract {

    @Override
    protected Storage newStorage() {
        return InMemoryStorage.create();
    }
}
