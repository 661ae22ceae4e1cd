package dev.dossier.infrastructure.memory;

import dev.dossier.domain.model.EventTypeRegistry;
import dev.dossier.domain.port.EventStorePort;
import dev.dossier.infrastructure.contract.SchemaFixture;
import dev.dossier.infrastructure.schema.SchemaEvolution;
import java.time.Clock;

/** In-memory stores for the contract suites. */
final class InMemoryFixture implements SchemaFixture {
    @Override
    public EventStorePort create(EventTypeRegistry types, Clock clock) {
        return InMemoryEventStore.create(types, clock);
    }

    @Override
    public EventStorePort reopen(EventStorePort store, EventTypeRegistry types, Clock clock) {
        store.close();
        return ((InMemoryEventStore) store).reopen();
    }

    @Override
    public EventStorePort create(EventTypeRegistry types, SchemaEvolution schemas, Clock clock) {
        return InMemoryEventStore.create(types, schemas, clock);
    }

    @Override
    public EventStorePort reopen(EventStorePort store, EventTypeRegistry types, SchemaEvolution schemas, Clock clock) {
        store.close();
        return ((InMemoryEventStore) store).reopen(types, schemas);
    }

    @Override
    public void discard(EventStorePort store) {
        store.close();
    }
}
