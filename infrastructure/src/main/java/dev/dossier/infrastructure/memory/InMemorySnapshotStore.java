package dev.dossier.infrastructure.memory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dossier.domain.model.Snapshot;
import dev.dossier.domain.model.StreamId;
import dev.dossier.domain.port.SnapshotStore;
import dev.dossier.infrastructure.json.StateCodec;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link SnapshotStore} in memory, for host tools' tests. States are kept as JSON, exactly as the
 * filesystem adapter writes them, so a state that would not survive a round trip fails here too.
 */
public final class InMemorySnapshotStore implements SnapshotStore {
    private final Map<StreamId, Stored> snapshots = new ConcurrentHashMap<>();

    private record Stored(Snapshot envelope, JsonNode state) {
    }

    @Override
    public void save(Snapshot snapshot) {
        JsonNode tree = StateCodec.toTree("snapshot of " + snapshot.stream(), snapshot.state());
        snapshots.put(snapshot.stream(), new Stored(snapshot, tree));
    }

    @Override
    public Optional<Snapshot> load(StreamId stream, Class<?> stateClass, int schemaVersion) {
        Stored stored = snapshots.get(stream);
        if (stored == null || stored.envelope().schemaVersion() != schemaVersion) {
            return Optional.empty();
        }
        Snapshot envelope = stored.envelope();
        return StateCodec.bind(stored.state(), stateClass).map(state -> new Snapshot(stream, envelope.version(),
                envelope.lastEventId(), schemaVersion, envelope.takenAt(), state));
    }

    @Override
    public void delete(StreamId stream) {
        snapshots.remove(stream);
    }

    @Override
    public void deleteAll() {
        snapshots.clear();
    }
}
