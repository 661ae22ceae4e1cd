package dev.dossier.infrastructure.memory;

import dev.dossier.domain.model.AppendResult;
import dev.dossier.domain.model.EventTypeRegistry;
import dev.dossier.domain.model.ExpectedVersion;
import dev.dossier.domain.model.NewEvent;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.domain.model.StoreHealth;
import dev.dossier.domain.model.StreamId;
import dev.dossier.infrastructure.common.EncodedEvent;
import dev.dossier.infrastructure.common.EventRecorder;
import dev.dossier.infrastructure.common.EventUpcaster;
import dev.dossier.infrastructure.common.IndexEntry;
import dev.dossier.infrastructure.common.IndexedEventStore;
import dev.dossier.infrastructure.common.PreparedEvent;
import dev.dossier.infrastructure.common.StoreIndex;
import dev.dossier.infrastructure.json.PayloadCodec;
import dev.dossier.infrastructure.schema.SchemaCheck;
import dev.dossier.infrastructure.schema.SchemaEvolution;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@link dev.dossier.domain.port.EventStorePort} in memory, for host tools' tests. It validates,
 * orders and encodes events exactly like the filesystem store; nothing survives the JVM.
 */
public final class InMemoryEventStore extends IndexedEventStore {
    private final List<RecordedEvent> events;
    private final EventRecorder recorder;

    private InMemoryEventStore(StoreIndex index, List<RecordedEvent> events, EventRecorder recorder,
                               SchemaEvolution schemas) {
        super(index, new EventUpcaster(schemas, recorder.codec()));
        this.events = events;
        this.recorder = recorder;
        new SchemaCheck(schemas, recorder.codec().registry()).check(index.schemaVersionCounts());
    }

    /** An empty store binding payloads through {@code registry}. */
    public static InMemoryEventStore create(EventTypeRegistry registry, Clock clock) {
        return create(registry, SchemaEvolution.none(), clock);
    }

    /** An empty store binding payloads through {@code registry} and upcasting with {@code schemas}. */
    public static InMemoryEventStore create(EventTypeRegistry registry, SchemaEvolution schemas, Clock clock) {
        return new InMemoryEventStore(new StoreIndex(), new ArrayList<>(), recorder(registry, clock), schemas);
    }

    private static EventRecorder recorder(EventTypeRegistry registry, Clock clock) {
        return new EventRecorder(new PayloadCodec(registry, PayloadCodec.DEFAULT_MAX_PAYLOAD_BYTES), clock);
    }

    /** An empty store with no registered payload classes and the system clock. */
    public static InMemoryEventStore create() {
        return create(EventTypeRegistry.empty(), Clock.systemUTC());
    }

    /** A new open store over this store's events, as if the same store were opened again after a close. */
    public InMemoryEventStore reopen() {
        return new InMemoryEventStore(index, events, recorder, upcaster().evolution());
    }

    /**
     * A new open store over this store's events with other schema definitions, as if a newer version of
     * the host opened the same store.
     *
     * @throws dev.dossier.domain.error.SchemaEvolutionException when stored events cannot reach the
     *         registered versions through {@code schemas}
     */
    public InMemoryEventStore reopen(EventTypeRegistry registry, SchemaEvolution schemas) {
        return new InMemoryEventStore(index, events, recorder.withRegistry(registry), schemas);
    }

    @Override
    public AppendResult append(StreamId stream, ExpectedVersion expected, List<NewEvent> batch) {
        checkOpen();
        List<EncodedEvent> encoded = recorder.encode(stream, batch);
        AppendResult result = record(stream, expected, encoded);
        commits.fire();
        return result;
    }

    private AppendResult record(StreamId stream, ExpectedVersion expected, List<EncodedEvent> encoded) {
        synchronized (events) {
            checkOpen();
            List<PreparedEvent> prepared = recorder.prepare(stream, expected, encoded, index.lastOf(stream),
                    index.lastPosition(), index.lastStamp());
            var recorded = new ArrayList<RecordedEvent>(prepared.size());
            for (PreparedEvent event : prepared) {
                events.add(event.event());
                index.add(event.entry(0));
                recorded.add(event.event());
            }
            return new AppendResult(stream, recorded.get(recorded.size() - 1).version(), recorded);
        }
    }

    @Override
    protected List<RecordedEvent> load(List<IndexEntry> entries) {
        return entries.stream().map(this::loadOne).toList();
    }

    private RecordedEvent loadOne(IndexEntry entry) {
        RecordedEvent stored;
        synchronized (events) {
            stored = events.get((int) entry.position() - 1);
        }
        PayloadCodec codec = recorder.codec();
        if (!codec.binder().binds(stored.eventType(), stored.schemaVersion())) {
            return stored;
        }
        var tree = codec.parse(stored.eventType(), stored.data().json());
        return stored.toBuilder().payload(codec.binder().bind(stored.eventType(), stored.data(), tree)).build();
    }

    @Override
    protected String location() {
        return "in memory";
    }

    @Override
    public StoreHealth health() {
        return isClosed()
                ? new StoreHealth(StoreHealth.Status.CLOSED, location(), index.lastPosition(), "closed")
                : new StoreHealth(StoreHealth.Status.UP, location(), index.lastPosition(), "serving reads and writes");
    }

    @Override
    public void close() {
        markClosed();
    }

}
