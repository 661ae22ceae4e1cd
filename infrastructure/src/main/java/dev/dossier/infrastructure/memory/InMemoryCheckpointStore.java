package dev.dossier.infrastructure.memory;

import dev.dossier.domain.model.Checkpoint;
import dev.dossier.domain.model.SubscriberName;
import dev.dossier.domain.port.CheckpointStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** Checkpoints in memory, for tests; nothing survives the JVM. */
public final class InMemoryCheckpointStore implements CheckpointStore {
    private final Map<SubscriberName, Checkpoint> checkpoints = new ConcurrentSkipListMap<>();

    @Override
    public Optional<Checkpoint> load(SubscriberName subscriber) {
        return Optional.ofNullable(checkpoints.get(subscriber));
    }

    @Override
    public void save(Checkpoint checkpoint) {
        checkpoints.put(checkpoint.subscriber(), checkpoint);
    }

    @Override
    public void delete(SubscriberName subscriber) {
        checkpoints.remove(subscriber);
    }

    @Override
    public List<Checkpoint> list() {
        return List.copyOf(checkpoints.values());
    }
}
