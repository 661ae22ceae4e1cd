package dev.dossier.infrastructure.contract;

import dev.dossier.domain.model.EventTypeRegistry;
import dev.dossier.domain.port.EventStorePort;
import java.time.Clock;

/** How a contract suite gets stores of one adapter. */
public interface StoreFixture {

    /** A new, empty store. */
    EventStorePort create(EventTypeRegistry types, Clock clock);

    /** Closes {@code store} and opens the same store again, as a restarted host would. */
    EventStorePort reopen(EventStorePort store, EventTypeRegistry types, Clock clock);

    /** Closes the store and throws away whatever it kept. */
    void discard(EventStorePort store);
}
