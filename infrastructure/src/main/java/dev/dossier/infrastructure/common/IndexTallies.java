package dev.dossier.infrastructure.common;

import dev.dossier.domain.model.AggregateType;
import dev.dossier.domain.model.AggregateTypeSummary;
import dev.dossier.domain.model.EventType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/**
 * Running totals of the index, kept as entries are added so that the metadata registries cost the same
 * at a million events as at ten: events per schema version of each event type, and per aggregate type its
 * events and latest stamp. Not thread-safe: the index's lock guards it.
 */
final class IndexTallies {
    /** Per event type, per schema version, a one-element counter (hashed: a store adds a million entries). */
    private final Map<EventType, TreeMap<Integer, long[]>> versions = new HashMap<>();
    private final Map<AggregateType, TypeTally> types = new HashMap<>();

    private static final class TypeTally {
        long events;
        long latest = -1;
    }

    /** Counts {@code entry}. */
    void add(IndexEntry entry) {
        addVersions(entry.eventType(), entry.schemaVersion(), 1);
        addStream(entry.stream().type(), 1, EntryChunk.packed(entry.stamp()));
    }

    /** Counts {@code count} events of {@code eventType} at {@code schemaVersion}. */
    void addVersions(EventType eventType, int schemaVersion, long count) {
        versions.computeIfAbsent(eventType, t -> new TreeMap<>()).computeIfAbsent(schemaVersion, v -> new long[1])[0] += count;
    }

    /** Counts the {@code events} events of one stream of {@code type}, the last stamped {@code latestPacked}. */
    void addStream(AggregateType type, long events, long latestPacked) {
        TypeTally tally = types.computeIfAbsent(type, t -> new TypeTally());
        tally.events += events;
        tally.latest = Math.max(tally.latest, latestPacked);
    }

    /** Per event type (in name order), the number of events at each schema version (ascending). */
    Map<EventType, Map<Integer, Long>> schemaVersionCounts() {
        Map<EventType, Map<Integer, Long>> copy = new TreeMap<>();
        versions.forEach((type, counts) -> {
            var byVersion = new TreeMap<Integer, Long>();
            counts.forEach((version, count) -> byVersion.put(version, count[0]));
            copy.put(type, byVersion);
        });
        return copy;
    }

    /** One summary per aggregate type, in name order; {@code aggregatesOf} counts a type's aggregates. */
    List<AggregateTypeSummary> aggregateTypes(ToLongFunction<AggregateType> aggregatesOf) {
        var summaries = new ArrayList<AggregateTypeSummary>(types.size());
        new TreeMap<>(types).forEach((type, tally) -> summaries.add(
                new AggregateTypeSummary(type, aggregatesOf.applyAsLong(type), tally.events, EntryChunk.unpacked(tally.latest).instant())));
        return summaries;
    }
}
