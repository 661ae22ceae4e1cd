package dev.dossier.benchmark;

import dev.dossier.domain.model.EventType;
import dev.dossier.domain.model.EventTypeRegistry;
import dev.dossier.domain.model.ExpectedVersion;
import dev.dossier.domain.model.GlobalPosition;
import dev.dossier.domain.model.NewEvent;
import dev.dossier.domain.model.RawJson;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.domain.model.StreamId;
import dev.dossier.infrastructure.filesystem.Durability;
import dev.dossier.infrastructure.filesystem.FileStoreOptions;
import dev.dossier.infrastructure.filesystem.FileSystemEventStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Dossier's filesystem store, payloads bound to {@link Payloads.Sample}. */
final class DossierSubject implements Subject {
    private static final int PAGE = 10_000;
    private final Path root;
    private final FileStoreOptions options;
    private FileSystemEventStore store;

    DossierSubject(Path root, boolean durable) {
        this(root, durable, true);
    }

    /** With {@code packing} false, aggregates are never packed automatically (see {@link LargeStore}). */
    DossierSubject(Path root, boolean durable, boolean packing) {
        this.root = root;
        EventTypeRegistry types = EventTypeRegistry.empty()
                .register("SampleRecorded", Payloads.Sample.class)
                .register("RareRecorded", Payloads.Sample.class);
        this.options = FileStoreOptions.at(root)
                .withDurability(durable ? Durability.SYNC : Durability.OS_BUFFERED).withEventTypes(types)
                .withSharedAccess(true).withPackEvery(packing ? 0 : -1);
        this.store = FileSystemEventStore.open(options);
    }

    @Override
    public String name() {
        return "dossier";
    }

    @Override
    public void append(String aggregateId, long expectedVersion, String eventType, String json) {
        store.append(StreamId.of("order", aggregateId), ExpectedVersion.exactly(expectedVersion),
                NewEvent.of(eventType, RawJson.of(json)));
    }

    @Override
    public void appendBatch(String aggregateId, long expectedVersion, String eventType, List<String> jsons) {
        store.append(StreamId.of("order", aggregateId), ExpectedVersion.exactly(expectedVersion),
                jsons.stream().map(j -> NewEvent.of(eventType, RawJson.of(j))).toList());
    }

    @Override
    public int load(String aggregateId) {
        return check(store.readStream(StreamId.of("order", aggregateId)));
    }

    @Override
    public long readAll() {
        long count = 0;
        GlobalPosition from = GlobalPosition.FIRST;
        for (List<RecordedEvent> page; !(page = store.readAll(from, PAGE)).isEmpty(); ) {
            count += check(page);
            from = page.get(page.size() - 1).position().next();
        }
        return count;
    }

    @Override
    public int byType(String eventType) {
        return check(store.readByEventType(EventType.of(eventType), GlobalPosition.FIRST, Integer.MAX_VALUE));
    }

    @Override
    public int byTime(Instant from, Instant to) {
        return check(store.readByTime(from, to, Integer.MAX_VALUE));
    }

    private static int check(List<RecordedEvent> events) {
        for (RecordedEvent event : events) {
            if (!(event.payload() instanceof Payloads.Sample)) {
                throw new IllegalStateException("payload not parsed: " + event.payload().getClass());
            }
        }
        return events.size();
    }

    @Override
    public long diskBytes() {
        return DiskUsage.of(root);
    }

    @Override
    public void compact(int keep) {
        store.close();
        store = FileSystemEventStore.open(options.withPackKeep(keep));
        store.pack();
    }

    @Override
    public void close() {
        store.close();
    }

}
