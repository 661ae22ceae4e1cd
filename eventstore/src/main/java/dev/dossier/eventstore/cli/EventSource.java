package dev.dossier.eventstore.cli;

import dev.dossier.domain.model.GlobalPosition;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.domain.model.StreamId;
import dev.dossier.domain.model.Version;
import dev.dossier.domain.port.EventStorePort;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Feeds the events an {@link EventQuery} selects, in global order, page by page, to a consumer. It starts
 * from the narrowest index the store offers (the aggregate, the event type, the time) and filters the rest.
 */
final class EventSource {
    static final int PAGE = 500;
    private static final Instant END_OF_TIME = Instant.parse("9999-12-31T23:59:59.999Z");

    private final EventStorePort store;

    EventSource(EventStorePort store) {
        this.store = store;
    }

    /**
     * Passes up to {@code limit} matching events to {@code sink}.
     *
     * @return the number of events passed
     */
    long forEach(EventQuery query, long limit, Consumer<RecordedEvent> sink) {
        if (limit <= 0) {
            return 0;
        }
        if (query.aggregateId().isPresent()) {
            StreamId stream = new StreamId(query.aggregateType().orElseThrow(), query.aggregateId().get());
            return feed(store.readStream(stream, Version.of(1)), query, limit, sink, 0);
        }
        long from = startOf(query);
        long passed = 0;
        while (passed < limit && from > 0) {
            List<RecordedEvent> page = query.eventType().isPresent()
                    ? store.readByEventType(query.eventType().get(), GlobalPosition.of(from), PAGE)
                    : store.readAll(GlobalPosition.of(from), PAGE);
            passed = feed(page, query, limit, sink, passed);
            boolean done = page.size() < PAGE || query.isPastUntil(page.get(page.size() - 1));
            from = done ? 0 : page.get(page.size() - 1).position().value() + 1;
        }
        return passed;
    }

    /** The first position worth reading: {@code from}, or later when the first event since {@code since} is later. */
    private long startOf(EventQuery query) {
        if (query.since().isEmpty()) {
            return query.from();
        }
        List<RecordedEvent> first = store.readByTime(query.since().get(), END_OF_TIME, 1);
        return first.isEmpty() ? 0 : Math.max(query.from(), first.get(0).position().value());
    }

    private static long feed(List<RecordedEvent> events, EventQuery query, long limit, Consumer<RecordedEvent> sink,
                             long passed) {
        for (RecordedEvent event : events) {
            if (passed >= limit || query.isPastUntil(event)) {
                break;
            }
            if (query.matches(event)) {
                sink.accept(event);
                passed++;
            }
        }
        return passed;
    }
}
