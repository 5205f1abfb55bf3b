package dev.gatehouse.adapters.inmemory;

import dev.gatehouse.ports.out.Storage;
import dev.gatehouse.testkit.OrganizationStoreContract;

class InMemoryOrganizationStoreContractTest extends OrganizationStoreContract {

    @Override
    protected Storage newStorage() {
        return InMemoryStorage.create();
    }
}
