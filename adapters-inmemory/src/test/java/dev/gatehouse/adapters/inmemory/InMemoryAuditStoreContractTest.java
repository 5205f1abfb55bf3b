package dev.gatehouse.adapters.inmemory;

import dev.gatehouse.ports.out.Storage;
import dev.gatehouse.testkit.AuditStoreContract;

class InMemoryAuditStoreContractTest extends AuditStoreContract {

    @Override
    protected Storage newStorage() {
        return InMemoryStorage.create();
    }
}
