package dev.dossier.infrastructure.common;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The index's entries in the global order (position 1 first), with the lookups by position and by time
 * and the totals over all of them; empty answers (never an exception) when there is nothing. Takes what
 * the index adds without checking it. Not thread-safe: the index's lock guards it.
 */
final class GlobalEntries {
    private final ArrayList<IndexEntry> byPosition = new ArrayList<>();
    private long bytes;

    /** Adds {@code entry} as the next position. */
    void add(IndexEntry entry) {
        byPosition.add(entry);
        bytes += entry.bytes();
    }

    /** How many entries there are: the last position. */
    int size() {
        return byPosition.size();
    }

    /** The total size of the events on disk. */
    long bytes() {
        return bytes;
    }

    Optional<EventStamp> lastStamp() {
        return byPosition.isEmpty() ? Optional.empty() : Optional.of(byPosition.get(byPosition.size() - 1).stamp());
    }

    /** When the first event was written; empty when there is none. */
    Optional<Instant> firstInstant() {
        return byPosition.isEmpty() ? Optional.empty() : Optional.of(byPosition.get(0).stamp().instant());
    }

    /** When the last event was written; empty when there is none. */
    Optional<Instant> lastInstant() {
        return byPosition.isEmpty() ? Optional.empty()
                : Optional.of(byPosition.get(byPosition.size() - 1).stamp().instant());
    }

    /** Up to {@code limit} entries from position {@code from} on. */
    List<IndexEntry> from(long from, int limit) {
        return EntryPages.page(byPosition, (int) Math.min(Math.max(from - 1, 0), byPosition.size()), limit);
    }

    /** Up to {@code limit} entries stamped in [{@code since}, {@code until}). */
    List<IndexEntry> between(Instant since, Instant until, int limit) {
        long start = since.toEpochMilli();
        long end = until.toEpochMilli();
        int first = EntryPages.firstIndex(byPosition, e -> e.stamp().epochMilli() >= start);
        int stop = EntryPages.firstIndex(byPosition, e -> e.stamp().epochMilli() >= end);
        return first >= stop ? List.of() : EntryPages.page(byPosition.subList(0, stop), first, limit);
    }
}
