package dev.dossier.infrastructure.filesystem;

import dev.dossier.infrastructure.contract.ReadModelStoreContract;
import dev.dossier.infrastructure.contract.SubscriptionStoreFixture;

/** The ReadModelStore contract on JSON files in the store's directory. */
class FileSystemReadModelStoreContractTest extends ReadModelStoreContract {
    @Override
    protected SubscriptionStoreFixture fixture() {
        return new FileSystemSubscriptionFixture();
    }
}
