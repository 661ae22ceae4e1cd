package dev.dossier.infrastructure.contract;

import dev.dossier.domain.model.EventTypeRegistry;
import dev.dossier.domain.port.EventStorePort;
import dev.dossier.infrastructure.schema.SchemaEvolution;
import java.time.Clock;

/** How the schema evolution suite gets stores of one adapter, with upcasters. */
public interface SchemaFixture extends StoreFixture {

    /** A new, empty store. */
    EventStorePort create(EventTypeRegistry types, SchemaEvolution schemas, Clock clock);

    /** Closes {@code store} and opens it again with other schema definitions, as a newer host would. */
    EventStorePort reopen(EventStorePort store, EventTypeRegistry types, SchemaEvolution schemas, Clock clock);
}
