package dev.dossier.infrastructure.filesystem;

import dev.dossier.infrastructure.contract.ParkedEventStoreContract;
import dev.dossier.infrastructure.contract.SubscriptionStoreFixture;

/** The ParkedEventStore contract on JSON files in the store's directory. */
class FileSystemParkedEventStoreContractTest extends ParkedEventStoreContract {
    @Override
    protected SubscriptionStoreFixture fixture() {
        return new FileSystemSubscriptionFixture();
    }
}
