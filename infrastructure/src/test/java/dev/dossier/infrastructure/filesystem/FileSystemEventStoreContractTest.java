package dev.dossier.infrastructure.filesystem;

import dev.dossier.infrastructure.contract.EventStorePortContract;
import dev.dossier.infrastructure.contract.StoreFixture;

/** The port contract on the filesystem store with its default durability (every append forced). */
class FileSystemEventStoreContractTest extends EventStorePortContract {
    @Override
    protected StoreFixture fixture() {
        return new FileSystemFixture(Durability.SYNC);
    }
}
