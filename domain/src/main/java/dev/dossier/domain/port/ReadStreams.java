package dev.dossier.domain.port;

import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.domain.model.StreamId;
import dev.dossier.domain.model.Version;
import java.util.List;

/** Reads one aggregate's events. A missing aggregate is an empty stream at {@link Version#NONE}, not an error. */
public interface ReadStreams {

    /**
     * The events of {@code stream} whose version is {@code fromVersion} or later, in version order,
     * each brought to the current schema of its type. A stored event that upcasting splits yields its
     * parts in order, all with the stored event's id, version and position.
     *
     * @return an empty list for a missing stream or a {@code fromVersion} past the end
     * @throws dev.dossier.domain.error.CorruptDataException when an event file cannot be read as recorded
     * @throws dev.dossier.domain.error.SchemaEvolutionException when an event cannot be brought to a known
     *         schema and the store is configured to refuse it
     */
    List<RecordedEvent> readStream(StreamId stream, Version fromVersion);

    /** All events of {@code stream}, in version order; empty for a missing stream. */
    default List<RecordedEvent> readStream(StreamId stream) {
        return readStream(stream, Version.of(1));
    }

    /** The version of the stream's last event; {@link Version#NONE} for a missing stream. */
    Version currentVersion(StreamId stream);

    /** Whether the stream has at least one event. */
    default boolean exists(StreamId stream) {
        return !currentVersion(stream).isNone();
    }
}
