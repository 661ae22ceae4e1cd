package dev.dossier.application.subscription;

import dev.dossier.domain.model.EventType;
import dev.dossier.domain.model.GlobalPosition;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.domain.port.QueryEvents;
import java.util.List;
import java.util.Optional;

/**
 * Reads a subscription's next page. For a filter on one event type, when the store can answer queries by
 * type, only events of that type are loaded: the store's last position is read first, so a short answer
 * proves that no event of the type exists up to there and the subscription may move past it.
 */
final class PageReader {
    /**
     * @param events  the events read, in global order
     * @param through the position the subscription has dealt with once {@code events} are
     * @param atEnd   whether the page reached the end of what was committed
     */
    record Page(List<RecordedEvent> events, long through, boolean atEnd) {
    }

    private final SubscriptionPorts ports;
    private final int batchSize;
    private final Optional<EventType> onlyType;

    PageReader(SubscriptionPorts ports, SubscriptionOptions options) {
        this.ports = ports;
        this.batchSize = options.batchSize();
        this.onlyType = options.filter() instanceof EventFilter.ByEventType byType && byType.types().size() == 1
                && ports.events() instanceof QueryEvents
                ? Optional.of(byType.types().iterator().next()) : Optional.empty();
    }

    Page after(long position) {
        if (onlyType.isPresent()) {
            long last = ports.events().lastPosition();
            List<RecordedEvent> found = ((QueryEvents) ports.events())
                    .readByEventType(onlyType.get(), GlobalPosition.of(position + 1), batchSize);
            boolean atEnd = found.size() < batchSize;
            return new Page(found, atEnd ? Math.max(last, lastOf(found, position)) : lastOf(found, position), atEnd);
        }
        List<RecordedEvent> found = ports.events().readAll(GlobalPosition.of(position + 1), batchSize);
        return new Page(found, lastOf(found, position), found.size() < batchSize);
    }

    private static long lastOf(List<RecordedEvent> events, long otherwise) {
        return events.isEmpty() ? otherwise : events.get(events.size() - 1).position().value();
    }
}
