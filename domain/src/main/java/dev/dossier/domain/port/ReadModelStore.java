package dev.dossier.domain.port;

import java.util.List;
import java.util.Optional;

/**
 * Documents of read models, grouped in named collections and addressed by key: what projections write and
 * queries read. Documents are host records or POJOs; only the class a caller names is ever instantiated.
 * Collection names follow the rule of {@link dev.dossier.domain.model.SubscriberName}; keys are any non-empty
 * text up to 200 characters. Implementations are thread-safe; each put is atomic.
 */
public interface ReadModelStore {

    /** The document at {@code key} bound to {@code type}; empty when absent. */
    <T> Optional<T> find(String collection, String key, Class<T> type);

    /**
     * Stores {@code document} at {@code key}, replacing the earlier one.
     *
     * @throws dev.dossier.domain.error.EventSerializationException when it cannot be serialized
     * @throws dev.dossier.domain.error.StorageException when it cannot be written (nothing changed)
     */
    void put(String collection, String key, Object document);

    /** Removes one document; no-op when absent. */
    void delete(String collection, String key);

    /** The keys of a collection, sorted; empty for a missing collection. */
    List<String> keys(String collection);

    /** Removes a whole collection; no-op when absent. */
    void drop(String collection);
}
