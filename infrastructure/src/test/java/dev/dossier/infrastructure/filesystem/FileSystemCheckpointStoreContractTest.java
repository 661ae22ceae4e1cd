package dev.dossier.infrastructure.filesystem;

import dev.dossier.infrastructure.contract.CheckpointStoreContract;
import dev.dossier.infrastructure.contract.SubscriptionStoreFixture;

/** The CheckpointStore contract on JSON files in the store's directory. */
class FileSystemCheckpointStoreContractTest extends CheckpointStoreContract {
    @Override
    protected SubscriptionStoreFixture fixture() {
        return new FileSystemSubscriptionFixture();
    }
}
