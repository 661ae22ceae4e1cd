package dev.dossier.infrastructure.filesystem;

import dev.dossier.infrastructure.contract.EventStorePortProperties;
import dev.dossier.infrastructure.contract.StoreFixture;

/**
 * The port's properties on the filesystem store. Forcing is off to keep hundreds of tries fast; the
 * write path is otherwise the same, and the example contract runs with forcing on.
 */
class FileSystemEventStoreProperties extends EventStorePortProperties {
    @Override
    protected StoreFixture fixture() {
        return new FileSystemFixture(Durability.OS_BUFFERED);
    }
}
