package dev.dossier.application.replay;

import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.domain.model.StreamId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Cuts a {@link Slice} out of events in global order, in two passes over the feed.
 *
 * <p><b>Causal links.</b> With a correlation id {@code X}, an event is linked when its correlation id is
 * {@code X}, when its causation id is {@code X} (the command that started the request), or when its
 * causation id is the event id of a linked event (transitively: consequences of consequences). A cause is
 * always recorded before its effects, so one pass in global order finds the whole closure.
 *
 * <p><b>History.</b> A correlation slice may take only some events of an aggregate (say versions 4 and 5).
 * The slice then also takes that aggregate's earlier events (versions 1-3): versions, event ids and the
 * {@code previousEventId} chain stay exactly as recorded, and the aggregate's state is the one the
 * matched events were applied to. Renumbering versions instead would lose that state and change what
 * the code under test sees.
 */
public final class EventSlicer {

    private EventSlicer() {
    }

    /** The slice of {@code feed} that {@code filter} selects. */
    public static Slice slice(EventFeed feed, RecordingFilter filter) {
        Set<UUID> matched = new HashSet<>();
        Map<StreamId, Long> reach = new HashMap<>();
        Set<String> linked = new HashSet<>();
        feed.forEach(event -> {
            if (isLinked(filter, linked, event) && filter.matchesOwnFields(event)) {
                matched.add(event.eventId());
                reach.merge(event.stream(), event.version().value(), Math::max);
            }
        });
        var events = new ArrayList<RecordedEvent>();
        feed.forEach(event -> {
            Long last = reach.get(event.stream());
            if (last != null && event.version().value() <= last) {
                events.add(event);
            }
        });
        return new Slice(events, matched);
    }

    private static boolean isLinked(RecordingFilter filter, Set<String> linked, RecordedEvent event) {
        if (filter.correlationId().isEmpty()) {
            return true;
        }
        String id = filter.correlationId().get();
        boolean link = event.correlationId().filter(id::equals).isPresent()
                || event.causationId().filter(c -> c.equals(id) || linked.contains(c)).isPresent();
        if (link) {
            linked.add(event.eventId().toString());
        }
        return link;
    }
}
