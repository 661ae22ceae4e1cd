package dev.dossier.infrastructure.memory;

import dev.dossier.domain.port.CheckpointStore;
import dev.dossier.domain.port.ParkedEventStore;
import dev.dossier.domain.port.ReadModelStore;
import dev.dossier.infrastructure.contract.SubscriptionStoreFixture;

/** In-memory checkpoint, parked-event and read-model stores; a "restart" keeps the same instance. */
final class InMemorySubscriptionFixture implements SubscriptionStoreFixture {
    @Override
    public CheckpointStore createCheckpoints() {
        return new InMemoryCheckpointStore();
    }

    @Override
    public ParkedEventStore createParked() {
        return new InMemoryParkedEventStore();
    }

    @Override
    public ReadModelStore createReadModels() {
        return new InMemoryReadModelStore();
    }

    @Override
    public CheckpointStore reopen(CheckpointStore store) {
        return store;
    }

    @Override
    public ParkedEventStore reopen(ParkedEventStore store) {
        return store;
    }

    @Override
    public void discard() {
        // nothing outlives the instances
    }
}
