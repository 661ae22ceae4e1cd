package dev.dossier.domain.model;

import dev.dossier.domain.error.InvalidInputException;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An aggregate's state as it was after the event at {@code version}: derived data that saves replaying
 * the events up to there. Snapshots can be deleted at any time; the events alone always suffice.
 *
 * @param stream        the aggregate
 * @param version       the version of the last event folded into {@code state} (1 or more)
 * @param lastEventId   the id of that event, so a snapshot is never applied to a stream it was not taken from
 * @param schemaVersion the version of the state's shape; a reader that expects another one ignores the snapshot
 * @param takenAt       when the snapshot was taken
 * @param state         the host's state object (a record or POJO the snapshot adapter serializes)
 */
public record Snapshot(StreamId stream, Version version, UUID lastEventId, int schemaVersion, Instant takenAt,
                       Object state) {
    public Snapshot {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(lastEventId, "lastEventId");
        Objects.requireNonNull(takenAt, "takenAt");
        if (version.isNone()) {
            throw new InvalidInputException("snapshot version", "must be 1 or more: a snapshot follows an event");
        }
        if (schemaVersion < 1) {
            throw new InvalidInputException("snapshot schema version", "must be 1 or more, was " + schemaVersion);
        }
        if (state == null) {
            throw new InvalidInputException("snapshot state", "of " + stream + " must not be null");
        }
    }

    /** The state as {@code type}; throws {@link ClassCastException} if it is of another class. */
    public <T> T stateAs(Class<T> type) {
        return type.cast(state);
    }
}
