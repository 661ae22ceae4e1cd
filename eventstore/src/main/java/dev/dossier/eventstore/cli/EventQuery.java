package dev.dossier.eventstore.cli;

import dev.dossier.domain.model.AggregateId;
import dev.dossier.domain.model.AggregateType;
import dev.dossier.domain.model.EventType;
import dev.dossier.domain.model.RecordedEvent;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which events of the global order a command wants: from a position on, optionally of one event type,
 * in a time range [{@code since}, {@code until}), of one aggregate type or one aggregate.
 */
record EventQuery(long from, Optional<EventType> eventType, Optional<Instant> since, Optional<Instant> until,
                  Optional<AggregateType> aggregateType, Optional<AggregateId> aggregateId) {

    EventQuery {
        from = Math.max(from, 1);
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(aggregateType, "aggregateType");
        Objects.requireNonNull(aggregateId, "aggregateId");
        if (aggregateId.isPresent() && aggregateType.isEmpty()) {
            throw new IllegalArgumentException("an aggregate id needs its aggregate type");
        }
    }

    /** Every event. */
    static EventQuery all() {
        return new EventQuery(1, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    EventQuery from(long position) {
        return new EventQuery(position, eventType, since, until, aggregateType, aggregateId);
    }

    EventQuery ofEventType(Optional<EventType> type) {
        return new EventQuery(from, type, since, until, aggregateType, aggregateId);
    }

    EventQuery between(Optional<Instant> start, Optional<Instant> end) {
        return new EventQuery(from, eventType, start, end, aggregateType, aggregateId);
    }

    EventQuery ofAggregate(Optional<AggregateType> type, Optional<AggregateId> id) {
        return new EventQuery(from, eventType, since, until, type, id);
    }

    boolean matches(RecordedEvent event) {
        return event.position().value() >= from
                && eventType.map(event.eventType()::equals).orElse(true)
                && since.map(s -> !event.timestamp().isBefore(s)).orElse(true)
                && !isPastUntil(event)
                && aggregateType.map(event.stream().type()::equals).orElse(true)
                && aggregateId.map(event.stream().id()::equals).orElse(true);
    }

    /** Whether the event is at or after {@code until}; timestamps never decrease along global order. */
    boolean isPastUntil(RecordedEvent event) {
        return until.map(u -> !event.timestamp().isBefore(u)).orElse(false);
    }
}
