package dev.dossier.infrastructure.memory;

import dev.dossier.infrastructure.contract.ProcessedCommandStoreContract;
import dev.dossier.infrastructure.contract.SnapshotStoreFixture;

/** The processed-command store contract in memory. */
class InMemoryProcessedCommandStoreContractTest extends ProcessedCommandStoreContract {
    @Override
    protected SnapshotStoreFixture fixture() {
        return new InMemorySnapshotFixture();
    }
}
