package dev.dossier.infrastructure.memory;

import dev.dossier.domain.port.ProcessedCommandStore;
import dev.dossier.domain.port.SnapshotStore;
import dev.dossier.infrastructure.contract.SnapshotStoreFixture;

/** In-memory snapshot and processed-command stores; a "restart" keeps the same instance. */
final class InMemorySnapshotFixture implements SnapshotStoreFixture {
    @Override
    public SnapshotStore createSnapshots() {
        return new InMemorySnapshotStore();
    }

    @Override
    public ProcessedCommandStore createCommands() {
        return new InMemoryProcessedCommandStore();
    }

    @Override
    public SnapshotStore reopen(SnapshotStore store) {
        return store;
    }

    @Override
    public ProcessedCommandStore reopen(ProcessedCommandStore store) {
        return store;
    }

    @Override
    public void discard() {
        // nothing outlives the instances
    }
}
