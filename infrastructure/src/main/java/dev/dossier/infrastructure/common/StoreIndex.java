package dev.dossier.infrastructure.common;

import dev.dossier.domain.model.AggregateSummary;
import dev.dossier.domain.model.AggregateType;
import dev.dossier.domain.model.AggregateTypeSummary;
import dev.dossier.domain.model.EventType;
import dev.dossier.domain.model.StorageStatistics;
import dev.dossier.domain.model.StreamId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Every committed event's {@link IndexEntry}, by position, by stream and by event type. Answers the port's
 * queries without reading event bodies. Thread-safe; positions are added gaplessly, in order.
 */
public final class StoreIndex {
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final ArrayList<IndexEntry> byPosition = new ArrayList<>();
    private final Map<StreamId, List<IndexEntry>> byStream = new HashMap<>();
    private final Map<EventType, List<IndexEntry>> byType = new HashMap<>();
    private final Map<AggregateType, List<StreamId>> streamsByType = new TreeMap<>();
    private final IndexTallies tallies = new IndexTallies();
    private long bytes;

    /**
     * Adds a committed entry. An entry whose position is already known is ignored (returns false).
     *
     * @throws IllegalStateException when the entry would leave a gap in the positions
     */
    public boolean add(IndexEntry entry) {
        return write(() -> addLocked(entry));
    }

    /**
     * Adds committed entries in order, taking the lock once (opening a store adds a million). Stops before the
     * first entry whose position is already known and returns how many it added.
     *
     * @throws IllegalStateException when an entry would leave a gap; its message starts with the entry's
     *         position, and the entries before it stay added
     */
    public int addAll(List<IndexEntry> entries) {
        return write(() -> {
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

    private boolean addLocked(IndexEntry entry) {
        long last = byPosition.size();
        if (entry.position() <= last) {
            return false;
        }
        if (entry.position() != last + 1) {
            throw new IllegalStateException("position " + entry.position() + " follows " + last);
        }
        List<IndexEntry> stream = byStream.get(entry.stream());
        long streamVersion = stream == null ? 0 : stream.size();
        if (entry.version() != streamVersion + 1) {
            throw new IllegalStateException("version " + entry.version() + " of " + entry.stream()
                    + " follows " + streamVersion);
        }
        if (stream == null) {
            stream = new ArrayList<>();
            byStream.put(entry.stream(), stream);
            streamsByType.computeIfAbsent(entry.stream().type(), t -> new ArrayList<>()).add(entry.stream());
        }
        byPosition.add(entry);
        tallies.add(entry);
        stream.add(entry);
        byType.computeIfAbsent(entry.eventType(), t -> new ArrayList<>()).add(entry);
        bytes += entry.bytes();
        return true;
    }

    public long lastPosition() {
        return read(byPosition::size);
    }

    public Optional<EventStamp> lastStamp() {
        return read(() -> byPosition.isEmpty() ? Optional.empty()
                : Optional.of(byPosition.get(byPosition.size() - 1).stamp()));
    }

    public Optional<IndexEntry> lastOf(StreamId stream) {
        return read(() -> {
            List<IndexEntry> entries = byStream.get(stream);
            return entries == null ? Optional.empty() : Optional.of(entries.get(entries.size() - 1));
        });
    }

    public long versionOf(StreamId stream) {
        return read(() -> byStream.getOrDefault(stream, List.of()).size());
    }

    /** Entries of {@code stream} with version {@code fromVersion} or later. */
    public List<IndexEntry> stream(StreamId stream, long fromVersion) {
        return read(() -> {
            List<IndexEntry> entries = byStream.getOrDefault(stream, List.of());
            int from = (int) Math.min(Math.max(fromVersion - 1, 0), entries.size());
            return List.copyOf(entries.subList(from, entries.size()));
        });
    }

    /** Up to {@code limit} entries from position {@code from} on. */
    public List<IndexEntry> from(long from, int limit) {
        return read(() -> page(byPosition, (int) Math.min(Math.max(from - 1, 0), byPosition.size()), limit));
    }

    /** Up to {@code limit} entries of {@code type} from position {@code from} on. */
    public List<IndexEntry> ofType(EventType type, long from, int limit) {
        return read(() -> {
            List<IndexEntry> entries = byType.getOrDefault(type, List.of());
            return page(entries, firstIndex(entries, e -> e.position() >= from), limit);
        });
    }

    /** Up to {@code limit} entries stamped in [{@code since}, {@code until}). */
    public List<IndexEntry> between(Instant since, Instant until, int limit) {
        return read(() -> {
            long start = since.toEpochMilli();
            long end = until.toEpochMilli();
            int first = firstIndex(byPosition, e -> e.stamp().epochMilli() >= start);
            int stop = firstIndex(byPosition, e -> e.stamp().epochMilli() >= end);
            return first >= stop ? List.of() : page(byPosition.subList(0, stop), first, limit);
        });
    }

    /** One summary per aggregate type, in name order. */
    public List<AggregateTypeSummary> aggregateTypes() {
        return read(() -> tallies.aggregateTypes(type -> streamsByType.get(type).size()));
    }

    public List<AggregateSummary> aggregates(AggregateType type) {
        return read(() -> streamsByType.getOrDefault(type, List.of()).stream().sorted().map(id -> {
            List<IndexEntry> entries = byStream.get(id);
            return new AggregateSummary(id, entries.size(), entries.get(entries.size() - 1).stamp().instant());
        }).toList());
    }

    /** Per event type, the number of events at each schema version. */
    public Map<EventType, Map<Integer, Long>> schemaVersionCounts() {
        return read(tallies::schemaVersionCounts);
    }

    /** The summaries the metadata registries hold, taken together: all of them describe the first {@code lastPosition} events. */
    public record Summary(long lastPosition, List<AggregateTypeSummary> aggregateTypes,
                          Map<EventType, Map<Integer, Long>> schemaVersionCounts, StorageStatistics statistics) {
    }

    /** The summaries of the events indexed now, taken while no event is added. */
    public Summary summary() {
        return read(() -> new Summary(lastPosition(), aggregateTypes(), schemaVersionCounts(), statistics()));
    }

    public StorageStatistics statistics() {
        return read(() -> new StorageStatistics(byPosition.size(), byStream.size(), streamsByType.size(),
                byType.size(), bytes,
                byPosition.isEmpty() ? Optional.empty() : Optional.of(byPosition.get(0).stamp().instant()),
                byPosition.isEmpty() ? Optional.empty()
                        : Optional.of(byPosition.get(byPosition.size() - 1).stamp().instant())));
    }

    private static List<IndexEntry> page(List<IndexEntry> entries, int from, int limit) {
        int to = (int) Math.min(entries.size(), (long) from + limit);
        return from >= to ? List.of() : List.copyOf(entries.subList(from, to));
    }

    /** The first index whose entry satisfies {@code test}; entries must be sorted so that test is monotonic. */
    private static int firstIndex(List<IndexEntry> entries, java.util.function.Predicate<IndexEntry> test) {
        int low = 0;
        int high = entries.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (test.test(entries.get(mid))) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    private <T> T read(Supplier<T> body) {
        lock.readLock().lock();
        try {
            return body.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    private <T> T write(Supplier<T> body) {
        lock.writeLock().lock();
        try {
            return body.get();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
