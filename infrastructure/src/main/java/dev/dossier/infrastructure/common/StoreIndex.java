package dev.dossier.infrastructure.common;

import dev.dossier.domain.model.AggregateSummary;
import dev.dossier.domain.model.AggregateType;
import dev.dossier.domain.model.AggregateTypeSummary;
import dev.dossier.domain.model.EventType;
import dev.dossier.domain.model.StorageStatistics;
import dev.dossier.domain.model.StreamId;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * Every committed event's {@link IndexEntry}, by position, by stream and by event type. Answers the port's
 * queries without reading event bodies. Thread-safe; positions are added gaplessly, in order. Entries are
 * held as columns of numbers (about 56 bytes an event, no object per event) and each answer is built anew,
 * so an entry read twice is equal, not the same object.
 */
public final class StoreIndex {
    private final IndexLock lock = new IndexLock();
    private final NameNumbers<StreamId> streamNames = new NameNumbers<>();
    private final NameNumbers<EventType> typeNames = new NameNumbers<>();
    private final GlobalEntries global = new GlobalEntries(streamNames, typeNames);
    private final StreamEntries streams = new StreamEntries(streamNames, global);
    private final EventTypeEntries types = new EventTypeEntries(typeNames, global);
    private final IndexTallies tallies = new IndexTallies();

    /**
     * Adds a committed entry. An entry whose position is already known is ignored (returns false).
     *
     * @throws IllegalStateException when the entry would leave a gap in the positions
     */
    public boolean add(IndexEntry entry) {
        return lock.write(() -> addLocked(entry));
    }

    /**
     * Adds committed entries in order, taking the lock once (opening a store adds a million). Stops before the
     * first entry whose position is already known and returns how many it added.
     *
     * @throws IllegalStateException when an entry would leave a gap; its message starts with the entry's
     *         position, and the entries before it stay added
     */
    public int addAll(List<IndexEntry> entries) {
        return lock.write(() -> {
            for (int i = 0; i < entries.size(); i++) {
                IndexEntry entry = entries.get(i);
                try {
                    if (!addLocked(entry)) {
                        return i;
                    }
                } catch (IllegalStateException e) {
                    throw new IllegalStateException("entry at position " + entry.position() + ": " + e.getMessage(), e);
                }
            }
            return entries.size();
        });
    }

    /** Adds the entry to every view once it passed the checks; nothing is added when a check fails. */
    private boolean addLocked(IndexEntry entry) {
        long last = global.size();
        if (entry.position() <= last) {
            return false;
        }
        if (entry.position() != last + 1) {
            throw new IllegalStateException("position " + entry.position() + " follows " + last);
        }
        if (entry.position() > Integer.MAX_VALUE) {
            throw new IllegalStateException("position " + entry.position() + " is past the index's limit of "
                    + Integer.MAX_VALUE + " events");
        }
        streams.check(entry);
        int stream = streamNames.numberFor(entry.stream());
        int type = typeNames.numberFor(entry.eventType());
        global.add(entry, stream, type);
        streams.add(entry.stream(), stream, (int) entry.position());
        types.add(type, (int) entry.position());
        tallies.add(entry);
        return true;
    }

    /** A copy of every entry, taken while no entry is added, for {@link #loaded(IndexImage)}. */
    public IndexImage image() {
        var chunks = new ArrayList<byte[]>();
        return lock.read(() -> {
            image(new IndexImage.Sink() {
                @Override
                public void start(long events, List<StreamId> streams, List<EventType> types) {
                }

                @Override
                public void chunk(ByteBuffer bytes) {
                    chunks.add(bytes.array().clone());
                }
            });
            return new IndexImage(global.size(), streamNames.names(), typeNames.names(), chunks);
        });
    }

    /**
     * Gives every entry to {@code sink} as an image, while no entry is added: no copy of the whole index is
     * made (a writer of the index cache streams it to its file). Exceptions of the sink pass through.
     */
    public void image(IndexImage.Sink sink) {
        lock.read(() -> {
            sink.start(global.size(), streamNames.names(), typeNames.names());
            global.image(sink);
            return null;
        });
    }

    /**
     * A new index holding the entries of an image (see {@link IndexImage}) of {@code events} entries naming
     * {@code streams} and {@code types}, as if they had been added one by one; {@code chunks} gives chunk
     * 0, 1, ... in turn, once each (a buffer may be reused once the next is asked for).
     *
     * @throws IllegalArgumentException when the image could not have been taken from an index: a chunk of
     *         the wrong size, a number with no name, a name numbered twice or never used, a stamp out of
     *         range, a negative schema version or size
     */
    public static StoreIndex loaded(long events, List<StreamId> streams, List<EventType> types,
                                    IntFunction<ByteBuffer> chunks) {
        var index = new StoreIndex();
        index.lock.write(() -> {
            new IndexLoader(index.streamNames, index.typeNames, index.global, index.streams, index.types,
                    index.tallies).load(events, streams, types, chunks);
            return null;
        });
        return index;
    }

    /** A new index holding the entries of {@code image}, as {@link #loaded(long, List, List, IntFunction)} says. */
    public static StoreIndex loaded(IndexImage image) {
        return loaded(image.events(), image.streams(), image.types(), i -> ByteBuffer.wrap(image.chunks().get(i)));
    }

    public long lastPosition() {
        return lock.read(global::size);
    }

    public Optional<EventStamp> lastStamp() {
        return lock.read(global::lastStamp);
    }

    public Optional<IndexEntry> lastOf(StreamId stream) {
        return lock.read(() -> streams.lastOf(stream));
    }

    public long versionOf(StreamId stream) {
        return lock.read(() -> streams.versionOf(stream));
    }

    /** Entries of {@code stream} with version {@code fromVersion} or later. */
    public List<IndexEntry> stream(StreamId stream, long fromVersion) {
        return lock.read(() -> streams.stream(stream, fromVersion));
    }

    /** Up to {@code limit} entries from position {@code from} on. */
    public List<IndexEntry> from(long from, int limit) {
        return lock.read(() -> global.from(from, limit));
    }

    /** Up to {@code limit} entries of {@code type} from position {@code from} on. */
    public List<IndexEntry> ofType(EventType type, long from, int limit) {
        return lock.read(() -> types.ofType(type, from, limit));
    }

    /** Up to {@code limit} entries stamped in [{@code since}, {@code until}). */
    public List<IndexEntry> between(Instant since, Instant until, int limit) {
        return lock.read(() -> global.between(since, until, limit));
    }

    /** One summary per aggregate type, in name order. */
    public List<AggregateTypeSummary> aggregateTypes() {
        return lock.read(() -> tallies.aggregateTypes(streams::aggregatesOf));
    }

    public List<AggregateSummary> aggregates(AggregateType type) {
        return lock.read(() -> streams.aggregates(type));
    }

    /** Per event type, the number of events at each schema version. */
    public Map<EventType, Map<Integer, Long>> schemaVersionCounts() {
        return lock.read(tallies::schemaVersionCounts);
    }

    /** The summaries the metadata registries hold, taken together: all of them describe the first {@code lastPosition} events. */
    public record Summary(long lastPosition, List<AggregateTypeSummary> aggregateTypes,
                          Map<EventType, Map<Integer, Long>> schemaVersionCounts, StorageStatistics statistics) {
    }

    /** The summaries of the events indexed now, taken while no event is added. */
    public Summary summary() {
        return lock.read(() -> new Summary(lastPosition(), aggregateTypes(), schemaVersionCounts(), statistics()));
    }

    public StorageStatistics statistics() {
        return lock.read(() -> new StorageStatistics(global.size(), streams.aggregateCount(), streams.aggregateTypeCount(),
                types.count(), global.bytes(), global.firstInstant(), global.lastInstant()));
    }
}
