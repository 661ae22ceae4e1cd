package dev.dossier.infrastructure.contract;

import dev.dossier.domain.port.CheckpointStore;
import dev.dossier.domain.port.ParkedEventStore;
import dev.dossier.domain.port.ReadModelStore;

/** How the checkpoint, parked-event and read-model contract suites get stores of one adapter. */
public interface SubscriptionStoreFixture {

    CheckpointStore createCheckpoints();

    ParkedEventStore createParked();

    ReadModelStore createReadModels();

    /** The same checkpoints as a restarted host would see them. */
    CheckpointStore reopen(CheckpointStore store);

    /** The same parked events as a restarted host would see them. */
    ParkedEventStore reopen(ParkedEventStore store);

    /** Throws away whatever the fixture created. */
    void discard();
}
