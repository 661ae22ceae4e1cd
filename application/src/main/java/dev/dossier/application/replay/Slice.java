package dev.dossier.application.replay;

import dev.dossier.domain.model.RecordedEvent;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A cut of a store. {@code events} are what a recording holds, in global order: the events the filter
 * matched, plus, for every aggregate they touch, that aggregate's earlier events (its history). So each
 * aggregate's versions stay gapless from 1 and its state rebuilds as it was.
 *
 * @param events  the events to record, in global order
 * @param matched the ids of the events the filter itself matched (a subset of {@code events})
 */
public record Slice(List<RecordedEvent> events, Set<UUID> matched) {

    public Slice {
        events = List.copyOf(events);
        matched = Set.copyOf(matched);
    }

    /** The events the filter itself matched, in global order. */
    public List<RecordedEvent> matchedEvents() {
        return events.stream().filter(e -> matched.contains(e.eventId())).toList();
    }

    /** The events taken only as history of a matched aggregate. */
    public List<RecordedEvent> historyEvents() {
        return events.stream().filter(e -> !matched.contains(e.eventId())).toList();
    }
}
