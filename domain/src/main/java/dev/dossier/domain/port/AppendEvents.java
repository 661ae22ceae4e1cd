package dev.dossier.domain.port;

import dev.dossier.domain.model.AppendResult;
import dev.dossier.domain.model.ExpectedVersion;
import dev.dossier.domain.model.NewEvent;
import dev.dossier.domain.model.StreamId;
import java.util.List;

/** Appends events to one aggregate's stream, atomically and durably. */
public interface AppendEvents {

    /**
     * Appends {@code events} to {@code stream} as one atomic batch: when this method returns, all of them
     * are recorded with consecutive versions and global positions and are durable (under the default
     * durability); when it throws, none of them is, and no reader ever sees a part of the batch.
     *
     * @return the new version and the recorded events, in order
     * @throws dev.dossier.domain.error.ConcurrencyConflictException when {@code expected} does not match
     *         the current version (nothing is written)
     * @throws dev.dossier.domain.error.InvalidInputException when the batch is empty, a name cannot be
     *         stored or a payload is not valid JSON or too large
     * @throws dev.dossier.domain.error.EventSerializationException when a payload cannot be serialized
     * @throws dev.dossier.domain.error.StorageException when the storage failed; nothing was recorded
     * @throws dev.dossier.domain.error.StoreUnavailableException when the store is closed or read-only
     */
    AppendResult append(StreamId stream, ExpectedVersion expected, List<NewEvent> events);

    /** Appends a single event; see {@link #append(StreamId, ExpectedVersion, List)}. */
    default AppendResult append(StreamId stream, ExpectedVersion expected, NewEvent event) {
        return append(stream, expected, List.of(event));
    }
}
