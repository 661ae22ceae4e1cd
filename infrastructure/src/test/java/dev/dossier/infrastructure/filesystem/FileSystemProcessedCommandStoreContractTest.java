package dev.dossier.infrastructure.filesystem;

import dev.dossier.infrastructure.contract.ProcessedCommandStoreContract;
import dev.dossier.infrastructure.contract.SnapshotStoreFixture;

/** The processed-command store contract on JSON files under {@code commands/}. */
class FileSystemProcessedCommandStoreContractTest extends ProcessedCommandStoreContract {
    @Override
    protected SnapshotStoreFixture fixture() {
        return new FileSystemSnapshotFixture();
    }
}
