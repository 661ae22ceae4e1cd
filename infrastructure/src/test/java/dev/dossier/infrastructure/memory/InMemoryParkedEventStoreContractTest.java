package dev.dossier.infrastructure.memory;

import dev.dossier.infrastructure.contract.ParkedEventStoreContract;
import dev.dossier.infrastructure.contract.SubscriptionStoreFixture;

/** The ParkedEventStore contract in memory. */
class InMemoryParkedEventStoreContractTest extends ParkedEventStoreContract {
    @Override
    protected SubscriptionStoreFixture fixture() {
        return new InMemorySubscriptionFixture();
    }
}
