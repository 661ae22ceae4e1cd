package dev.dossier.infrastructure.filesystem;

import dev.dossier.infrastructure.contract.EventStorePortProperties;
import dev.dossier.infrastructure.contract.StoreFixture;

/**
 * The port's properties on filesystem stores that write the index cache at every close that added an
 * event and read it at every open: the model-based sequences reopen the store between appends.
 */
class FileSystemIndexCacheProperties extends EventStorePortProperties {
    @Override
    protected StoreFixture fixture() {
        return new FileSystemFixture(Durability.OS_BUFFERED, options -> options.withIndexCacheEvents(1));
    }
}
