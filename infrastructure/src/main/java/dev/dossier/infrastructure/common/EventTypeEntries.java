package dev.dossier.infrastructure.common;

import dev.dossier.domain.model.EventType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The index's entries per event type, each type's in position order (kept as positions); an empty page
 * (never an exception) for a type with no events. Takes what the index adds without checking it. Not
 * thread-safe: the index's lock guards it.
 */
final class EventTypeEntries {
    private final NameNumbers<EventType> names;
    private final GlobalEntries global;
    /** Per event type number, its entries' positions. */
    private final List<PositionList> byType = new ArrayList<>();

    EventTypeEntries(NameNumbers<EventType> names, GlobalEntries global) {
        this.names = names;
        this.global = global;
    }

    /** Adds the entry at {@code position} after the entries of the type numbered {@code type}. */
    void add(int type, int position) {
        if (type == byType.size()) {
            addType(0);
        }
        byType.get(type).add(position);
    }

    /** Adds the next event type number, with room for {@code capacity} entries. */
    void addType(int capacity) {
        byType.add(new PositionList(capacity));
    }

    /** How many event types have events. */
    int count() {
        return byType.size();
    }

    /** Up to {@code limit} entries of {@code type} from position {@code from} on. */
    List<IndexEntry> ofType(EventType type, long from, int limit) {
        int number = names.numberOf(type);
        if (number < 0 || number >= byType.size()) {
            return List.of();
        }
        PositionList positions = byType.get(number);
        int first = positions.firstIndex(position -> position >= from);
        int to = (int) Math.min(positions.size(), (long) first + Math.max(limit, 0));
        if (first >= to) {
            return List.of();
        }
        var page = new ArrayList<IndexEntry>(to - first);
        for (int i = first; i < to; i++) {
            page.add(global.entry(positions.get(i)));
        }
        return Collections.unmodifiableList(page);
    }
}
