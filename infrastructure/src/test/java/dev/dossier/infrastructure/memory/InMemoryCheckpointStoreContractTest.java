package dev.dossier.infrastructure.memory;

import dev.dossier.infrastructure.contract.CheckpointStoreContract;
import dev.dossier.infrastructure.contract.SubscriptionStoreFixture;

/** The CheckpointStore contract in memory. */
class InMemoryCheckpointStoreContractTest extends CheckpointStoreContract {
    @Override
    protected SubscriptionStoreFixture fixture() {
        return new InMemorySubscriptionFixture();
    }
}
