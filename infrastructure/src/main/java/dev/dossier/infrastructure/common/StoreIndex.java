package dev.dossier.infrastructure.common;

import dev.dossier.domain.model.AggregateSummary;
import dev.dossier.domain.model.AggregateType;
import dev.dossier.domain.model.AggregateTypeSummary;
import dev.dossier.domain.model.EventType;
import dev.dossier.domain.model.StorageStatistics;
import dev.dossier.domain.model.StreamId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every committed event's {@link IndexEntry}, by position, by stream and by event type. Answers the port's
 * queries without reading event bodies. Thread-safe; positions are added gaplessly, in order.
 */
public final class StoreIndex {
    private final IndexLock lock = new IndexLock();
    private final GlobalEntries global = new GlobalEntries();
    private final StreamEntries streams = new StreamEntries();
    private final EventTypeEntries types = new EventTypeEntries();
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
        streams.add(entry);
        global.add(entry);
        tallies.add(entry);
        types.add(entry);
        return true;
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
