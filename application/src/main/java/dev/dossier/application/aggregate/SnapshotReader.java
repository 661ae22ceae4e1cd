package dev.dossier.application.aggregate;

import dev.dossier.application.replay.PointInTime;
import dev.dossier.application.replay.Rebuilt;
import dev.dossier.application.replay.StateRebuilder;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.domain.model.Snapshot;
import dev.dossier.domain.model.StreamId;
import dev.dossier.domain.port.ReadStreams;
import dev.dossier.domain.port.SnapshotStore;
import java.util.List;
import java.util.Optional;

/**
 * Starts a load from a snapshot when one fits: same schema version, readable, within the horizon, and
 * taken from this very stream (the event at the snapshot's version has the snapshot's last event id).
 * Anything else, including any failure of the snapshot store, means "no snapshot": the caller replays
 * the events, so a snapshot can make a load faster but never wrong.
 */
final class SnapshotReader {
    private final ReadStreams streams;
    private final SnapshotStore snapshots;

    SnapshotReader(ReadStreams streams, SnapshotStore snapshots) {
        this.streams = streams;
        this.snapshots = snapshots;
    }

    /** The loaded state and the last event folded into it, or empty when no snapshot fits. */
    <S> Optional<Loaded<S>> load(AggregateDefinition<S> definition, SnapshotPolicy<S> policy, StreamId stream,
                                 PointInTime horizon) {
        Optional<Snapshot> found;
        S state;
        try {
            found = snapshots.load(stream, policy.storedClass(), policy.schemaVersion());
            if (found.isEmpty()) {
                return Optional.empty();
            }
            state = policy.fromStored(found.get().state());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        Snapshot snapshot = found.get();
        List<RecordedEvent> events = streams.readStream(stream, snapshot.version());
        if (events.isEmpty() || !events.get(0).version().equals(snapshot.version())
                || !events.get(0).eventId().equals(snapshot.lastEventId()) || !horizon.includes(events.get(0))) {
            return Optional.empty();
        }
        Rebuilt<S> rebuilt = StateRebuilder.foldWhile(new Rebuilt<>(state, snapshot.version()),
                events.subList(1, events.size()), definition.fold(), horizon::includes);
        int last = (int) (rebuilt.version().value() - snapshot.version().value());
        return Optional.of(new Loaded<>(rebuilt, Optional.of(events.get(last)), last));
    }

    /**
     * A rebuilt state, the last event folded into it (empty for a new aggregate), and how many events were
     * folded on top of the starting point.
     */
    record Loaded<S>(Rebuilt<S> rebuilt, Optional<RecordedEvent> lastEvent, int replayed) {
    }
}
