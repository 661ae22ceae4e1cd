package dev.dossier.domain.port;

import dev.dossier.domain.model.Checkpoint;
import dev.dossier.domain.model.SubscriberName;
import java.util.List;
import java.util.Optional;

/**
 * Remembers how far each subscriber got, across restarts. Implementations are thread-safe; a save is
 * atomic (a reader sees the old checkpoint or the new one) and durable under the store's durability.
 */
public interface CheckpointStore {

    /** The subscriber's checkpoint; empty when it never saved one (or it was deleted). */
    Optional<Checkpoint> load(SubscriberName subscriber);

    /**
     * Stores {@code checkpoint}, replacing the subscriber's earlier one (even a later position: moving a
     * checkpoint back is how a subscriber is made to see events again).
     *
     * @throws dev.dossier.domain.error.StorageException when it cannot be written (nothing changed)
     */
    void save(Checkpoint checkpoint);

    /** Forgets the subscriber's checkpoint; it then starts where its subscription says. No-op when absent. */
    void delete(SubscriberName subscriber);

    /** Every stored checkpoint, sorted by subscriber name. */
    List<Checkpoint> list();
}
