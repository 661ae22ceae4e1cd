package dev.dossier.eventstore.testing;

import dev.dossier.application.replay.EventFeed;
import dev.dossier.domain.error.CorruptDataException;
import dev.dossier.domain.model.ExpectedVersion;
import dev.dossier.domain.model.NewEvent;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.domain.port.EventStorePort;
import dev.dossier.domain.port.ReadAllEvents;
import dev.dossier.eventstore.Dossier;

/**
 * Loads a recording into a new in-memory store by appending its events one at a time in global order,
 * each with its original id, schema version, correlation, causation, metadata and (through
 * {@link ReplayClock}) timestamp, and with the expected version its aggregate version implies.
 */
final class InMemoryLoader {
    private InMemoryLoader() {
    }

    /**
     * A new in-memory store configured by {@code setup} holding {@code source}'s events.
     *
     * @throws CorruptDataException when the source's versions or timestamps are not in order
     */
    static EventStorePort load(ReadAllEvents source, StoreSetup setup) {
        var clock = new ReplayClock();
        EventStorePort store = setup.configure(Dossier.builder()).clock(clock).openInMemory();
        try {
            EventFeed.of(source).forEach(event -> append(store, clock, event));
            clock.release();
            return store;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    private static void append(EventStorePort store, ReplayClock clock, RecordedEvent event) {
        long version = event.version().value();
        ExpectedVersion expected = version == 1 ? ExpectedVersion.noStream() : ExpectedVersion.exactly(version - 1);
        NewEvent copy = NewEvent.builder().eventId(event.eventId()).eventType(event.eventType()).payload(event.data())
                .schema(event.schemaVersion()).correlationId(event.correlationId())
                .causationId(event.causationId()).metadata(event.metadata()).build();
        clock.pin(event.timestamp());
        RecordedEvent loaded = store.append(event.stream(), expected, copy).events().get(0);
        if (!loaded.timestamp().equals(event.timestamp())) {
            throw new CorruptDataException(event.stream().toString(), "event " + event.eventId()
                    + " is older than the event before it; the recording is out of order");
        }
    }
}
