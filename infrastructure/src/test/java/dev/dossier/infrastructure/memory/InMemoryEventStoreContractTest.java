package dev.dossier.infrastructure.memory;

import dev.dossier.infrastructure.contract.EventStorePortContract;
import dev.dossier.infrastructure.contract.StoreFixture;

class InMemoryEventStoreContractTest extends EventStorePortContract {
    @Override
    protected StoreFixture fixture() {
        return new InMemoryFixture();
    }
}
