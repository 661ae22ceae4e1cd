package dev.dossier.domain.port;

import dev.dossier.domain.model.Snapshot;
import dev.dossier.domain.model.StreamId;
import java.util.Optional;

/**
 * Keeps the latest snapshot of each aggregate. Snapshots are derived data: losing or deleting any of them
 * loses nothing, and a snapshot that cannot be used is reported as absent rather than as an error.
 * Implementations are thread-safe.
 */
public interface SnapshotStore {

    /**
     * Stores {@code snapshot} as the aggregate's snapshot, replacing any earlier one, atomically: a reader
     * sees the old snapshot or the new one, never a part.
     *
     * @throws dev.dossier.domain.error.EventSerializationException when the state cannot be serialized
     * @throws dev.dossier.domain.error.StorageException when it cannot be written (nothing changed)
     */
    void save(Snapshot snapshot);

    /**
     * The snapshot of {@code stream} with its state bound to {@code stateClass}, if there is one of
     * exactly {@code schemaVersion}. Only {@code stateClass} is ever instantiated.
     *
     * @return empty when there is no snapshot, when it has another schema version, or when it cannot be
     *         read or bound to {@code stateClass} (the caller then rebuilds from the events)
     */
    Optional<Snapshot> load(StreamId stream, Class<?> stateClass, int schemaVersion);

    /** Deletes the snapshot of {@code stream}; nothing happens when there is none. */
    void delete(StreamId stream);

    /** Deletes every snapshot; aggregates then load from their events until new snapshots are taken. */
    void deleteAll();
}
