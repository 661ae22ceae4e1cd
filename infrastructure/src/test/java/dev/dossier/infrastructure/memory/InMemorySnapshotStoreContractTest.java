package dev.dossier.infrastructure.memory;

import dev.dossier.infrastructure.contract.SnapshotStoreContract;
import dev.dossier.infrastructure.contract.SnapshotStoreFixture;

/** The snapshot store contract in memory. */
class InMemorySnapshotStoreContractTest extends SnapshotStoreContract {
    @Override
    protected SnapshotStoreFixture fixture() {
        return new InMemorySnapshotFixture();
    }
}
