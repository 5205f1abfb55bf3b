package dev.gatehouse.adapters.inmemory;

import dev.gatehouse.ports.out.Storage;
import dev.gatehouse.testkit.CredentialStoreContract;

class InMemoryCredentialStoreContractTest extends CredentialStoreContract {

    @Override
    protected Storage newStorage() {
        return InMemoryStorage.create();
    }
}
