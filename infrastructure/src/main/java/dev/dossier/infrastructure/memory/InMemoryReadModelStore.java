package dev.dossier.infrastructure.memory;

import dev.dossier.domain.model.AggregateId;
import dev.dossier.domain.model.SubscriberName;
import dev.dossier.domain.port.ReadModelStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Read models in memory, for tests. Documents are kept as the objects given (use immutable records), and
 * {@link #find} throws {@link ClassCastException} when asked for another class than the one stored.
 */
public final class InMemoryReadModelStore implements ReadModelStore {
    private final Map<String, Map<String, Object>> collections = new ConcurrentHashMap<>();

    @Override
    public <T> Optional<T> find(String collection, String key, Class<T> type) {
        return Optional.ofNullable(collection(collection).get(key)).map(type::cast);
    }

    @Override
    public void put(String collection, String key, Object document) {
        new AggregateId(key);
        collection(collection).put(key, java.util.Objects.requireNonNull(document, "document"));
    }

    @Override
    public void delete(String collection, String key) {
        collection(collection).remove(key);
    }

    @Override
    public List<String> keys(String collection) {
        return List.copyOf(collection(collection).keySet());
    }

    @Override
    public void drop(String collection) {
        collections.remove(SubscriberName.of(collection).value());
    }

    private Map<String, Object> collection(String name) {
        return collections.computeIfAbsent(SubscriberName.of(name).value(), n -> new ConcurrentSkipListMap<>());
    }
}
