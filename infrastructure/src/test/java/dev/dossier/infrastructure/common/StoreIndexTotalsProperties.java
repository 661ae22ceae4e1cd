package dev.dossier.infrastructure.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dossier.domain.model.AggregateTypeSummary;
import dev.dossier.domain.model.EventType;
import dev.dossier.domain.model.StreamId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The totals the index keeps as entries are added (for the metadata registries) equal a recount of all
 * its entries, whatever the mix of aggregate types, aggregates, event types and schema versions.
 */
class StoreIndexTotalsProperties {
    private static final String[] TYPES = {"order", "invoice", "cart"};
    private static final String[] EVENTS = {"Placed", "Paid", "Shipped"};

    /** Each event: aggregate type, aggregate, event type and schema version, all from small ranges. */
    @Property(tries = 200)
    void running_totals_equal_a_recount(@ForAll @Size(max = 60) List<@IntRange(min = 0, max = 80) Integer> events) {
        var index = new StoreIndex();
        var entries = new ArrayList<IndexEntry>();
        Map<StreamId, Long> versions = new HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            int code = events.get(i);
            StreamId stream = StreamId.of(TYPES[code % 3], "a-" + (code / 3) % 4);
            long version = versions.merge(stream, 1L, Long::sum);
            var entry = new IndexEntry(i + 1, new EventStamp(1_700_000_000_000L + i, 0), stream, version,
                    EventType.of(EVENTS[(code / 12) % 3]), 1 + (code / 36) % 2, UUID.randomUUID(), 100);
            index.add(entry);
            entries.add(entry);
        }
        assertThat(index.schemaVersionCounts()).isEqualTo(recountVersions(entries));
        assertThat(index.aggregateTypes()).isEqualTo(recountTypes(entries));
    }

    private static Map<EventType, Map<Integer, Long>> recountVersions(List<IndexEntry> entries) {
        Map<EventType, Map<Integer, Long>> counts = new TreeMap<>();
        for (IndexEntry e : entries) {
            counts.computeIfAbsent(e.eventType(), t -> new TreeMap<>()).merge(e.schemaVersion(), 1L, Long::sum);
        }
        return counts;
    }

    private static List<AggregateTypeSummary> recountTypes(List<IndexEntry> entries) {
        Map<String, List<IndexEntry>> byType = new TreeMap<>();
        entries.forEach(e -> byType.computeIfAbsent(e.stream().type().value(), t -> new ArrayList<>()).add(e));
        var summaries = new ArrayList<AggregateTypeSummary>();
        byType.forEach((type, list) -> {
            long aggregates = list.stream().map(IndexEntry::stream).distinct().count();
            Instant last = list.stream().map(e -> e.stamp().instant()).max(Instant::compareTo).orElseThrow();
            summaries.add(new AggregateTypeSummary(list.get(0).stream().type(), aggregates, list.size(), last));
        });
        return summaries;
    }
}
