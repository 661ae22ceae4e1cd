package dev.dossier.infrastructure.common;

import dev.dossier.domain.model.EventType;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts events per event type number and schema version while an index is loaded, with one map lookup per
 * run of equal pairs (entries mostly come in such runs) instead of one per entry; then adds the counts to
 * the tallies. Not thread-safe.
 */
final class VersionCounts {
    private final NameNumbers<EventType> typeNames;
    private final Map<Long, long[]> counts = new HashMap<>();
    private long lastKey = -1;
    private long[] last;

    VersionCounts(NameNumbers<EventType> typeNames) {
        this.typeNames = typeNames;
    }

    /** Counts one event of type number {@code type} at {@code schema} (both not negative). */
    void count(int type, int schema) {
        long key = ((long) type << 32) | schema;
        if (key != lastKey) {
            last = counts.computeIfAbsent(key, k -> new long[1]);
            lastKey = key;
        }
        last[0]++;
    }

    void addTo(IndexTallies tallies) {
        counts.forEach((key, count) -> tallies.addVersions(typeNames.name((int) (key >>> 32)), (int) (long) key, count[0]));
    }
}
