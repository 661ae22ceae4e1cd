package dev.dossier.infrastructure.memory;

import dev.dossier.infrastructure.contract.ReadModelStoreContract;
import dev.dossier.infrastructure.contract.SubscriptionStoreFixture;

/** The ReadModelStore contract in memory. */
class InMemoryReadModelStoreContractTest extends ReadModelStoreContract {
    @Override
    protected SubscriptionStoreFixture fixture() {
        return new InMemorySubscriptionFixture();
    }
}
