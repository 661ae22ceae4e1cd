package dev.dossier.infrastructure.contract;

import dev.dossier.domain.port.ProcessedCommandStore;
import dev.dossier.domain.port.SnapshotStore;

/** How the snapshot and processed-command contract suites get stores of one adapter. */
public interface SnapshotStoreFixture {

    /** A new, empty snapshot store. */
    SnapshotStore createSnapshots();

    /** A new, empty processed-command store. */
    ProcessedCommandStore createCommands();

    /** The same snapshots as a restarted host would see them. */
    SnapshotStore reopen(SnapshotStore store);

    /** The same processed commands as a restarted host would see them. */
    ProcessedCommandStore reopen(ProcessedCommandStore store);

    /** Throws away whatever the fixture created. */
    void discard();
}
