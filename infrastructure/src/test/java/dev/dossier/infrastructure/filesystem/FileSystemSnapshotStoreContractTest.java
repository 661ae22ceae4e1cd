package dev.dossier.infrastructure.filesystem;

import dev.dossier.infrastructure.contract.SnapshotStoreContract;
import dev.dossier.infrastructure.contract.SnapshotStoreFixture;

/** The snapshot store contract on JSON files under {@code snapshots/}. */
class FileSystemSnapshotStoreContractTest extends SnapshotStoreContract {
    @Override
    protected SnapshotStoreFixture fixture() {
        return new FileSystemSnapshotFixture();
    }
}
