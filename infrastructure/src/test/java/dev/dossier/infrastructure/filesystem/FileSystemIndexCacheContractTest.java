package dev.dossier.infrastructure.filesystem;

import dev.dossier.infrastructure.contract.EventStorePortContract;
import dev.dossier.infrastructure.contract.StoreFixture;

/** The port contract on filesystem stores that write the index cache at every close that added an event. */
class FileSystemIndexCacheContractTest extends EventStorePortContract {
    @Override
    protected StoreFixture fixture() {
        return new FileSystemFixture(Durability.SYNC, options -> options.withIndexCacheEvents(1));
    }
}
