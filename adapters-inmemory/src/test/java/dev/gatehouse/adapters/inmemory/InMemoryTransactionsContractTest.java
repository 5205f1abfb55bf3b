package dev.gatehouse.adapters.inmemory;

import dev.gatehouse.ports.out.Storage;
import dev.gatehouse.testkit.TransactionsContract;

class InMemoryTransactionsContractTest extends TransactionsContract {

    @Override
    protected Storage newStorage() {
        return InMemoryStorage.create();
    }
}
