package dev.dossier.infrastructure.common;

import dev.dossier.domain.model.EventType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The index's entries per event type, each type's in position order; an empty page (never an exception)
 * for a type with no events. Takes what the index adds without checking it. Not thread-safe: the index's
 * lock guards it.
 */
final class EventTypeEntries {
    private final Map<EventType, List<IndexEntry>> byType = new HashMap<>();

    /** Adds {@code entry} after the entries of its type. */
    void add(IndexEntry entry) {
        byType.computeIfAbsent(entry.eventType(), t -> new ArrayList<>()).add(entry);
    }

    /** How many event types have events. */
    int count() {
        return byType.size();
    }

    /** Up to {@code limit} entries of {@code type} from position {@code from} on. */
    List<IndexEntry> ofType(EventType type, long from, int limit) {
        List<IndexEntry> entries = byType.getOrDefault(type, List.of());
        return EntryPages.page(entries, EntryPages.firstIndex(entries, e -> e.position() >= from), limit);
    }
}
