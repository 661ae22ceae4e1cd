package dev.dossier.infrastructure.memory;

import dev.dossier.infrastructure.contract.EventStorePortProperties;
import dev.dossier.infrastructure.contract.StoreFixture;

class InMemoryEventStoreProperties extends EventStorePortProperties {
    @Override
    protected StoreFixture fixture() {
        return new InMemoryFixture();
    }
}
