package dev.dossier.application.projection;

import dev.dossier.domain.port.ReadModelStore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One collection of a {@link ReadModelStore}: what a projection writes to and a query reads from. */
public final class ReadModel {
    private final ReadModelStore store;
    private final String collection;

    public ReadModel(ReadModelStore store, String collection) {
        this.store = Objects.requireNonNull(store, "store");
        this.collection = Objects.requireNonNull(collection, "collection");
    }

    public String collection() {
        return collection;
    }

    public <T> Optional<T> find(String key, Class<T> type) {
        return store.find(collection, key, type);
    }

    public void put(String key, Object document) {
        store.put(collection, key, document);
    }

    public void delete(String key) {
        store.delete(collection, key);
    }

    public List<String> keys() {
        return store.keys(collection);
    }
}
