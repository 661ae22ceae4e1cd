package dev.dossier.infrastructure.common;

import java.util.List;
import java.util.function.Predicate;

/**
 * Pages of a list of index entries in increasing position (the global order, or one event type's): where
 * a condition that holds from some entry on starts to hold, and a bounded copy of the entries from an
 * index. Never fails for a start past the end or a limit past it: the page is then shorter, or empty.
 */
final class EntryPages {
    private EntryPages() {
    }

    /** A copy of up to {@code limit} entries from index {@code from} on; empty when there are none. */
    static List<IndexEntry> page(List<IndexEntry> entries, int from, int limit) {
        int to = (int) Math.min(entries.size(), (long) from + limit);
        return from >= to ? List.of() : List.copyOf(entries.subList(from, to));
    }

    /**
     * The first index whose entry satisfies {@code test} ({@code entries.size()} when none does); entries must
     * be sorted so that test is monotonic.
     */
    static int firstIndex(List<IndexEntry> entries, Predicate<IndexEntry> test) {
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
}
