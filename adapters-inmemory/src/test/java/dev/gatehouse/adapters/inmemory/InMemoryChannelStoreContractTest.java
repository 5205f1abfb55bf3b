package dev.gatehouse.adapters.inmemory;

import dev.gatehouse.ports.out.Storage;
import dev.gatehouse.testkit.ChannelStoreContract;

class InMemoryChannelStoreContractTest extends ChannelStoreContract {

    @Override
    protected Storage newStorage() {
        return InMemoryStorage.create();
    }
}
