package dev.dossier.domain.port;

/**
 * The event store: append to aggregates with an expected version, read them back, read and query
 * everything in global order, inspect the store. Implementations are thread-safe. {@link #close()}
 * releases files and locks; any call after it throws
 * {@link dev.dossier.domain.error.StoreUnavailableException}, except {@code health()} and {@code close()}.
 */
public interface EventStorePort extends AppendEvents, ReadStreams, ReadAllEvents, QueryEvents, InspectStore,
        AutoCloseable {

    @Override
    void close();
}
