package dev.dossier.application.replay;

import dev.dossier.domain.error.InvalidInputException;
import dev.dossier.domain.model.AggregateId;
import dev.dossier.domain.model.AggregateType;
import dev.dossier.domain.model.EventType;
import dev.dossier.domain.model.RecordedEvent;
import java.time.Instant;
import java.util.Optional;

/**
 * Which events a recording takes. Every criterion that is present must hold (they combine with "and");
 * with none present, every event is taken.
 *
 * @param aggregateType only events of aggregates of this type
 * @param aggregateId   only events of this aggregate (requires {@code aggregateType})
 * @param correlationId only events causally linked to this request or session: see {@link EventSlicer}
 * @param eventType     only events of this (stored) type
 * @param since         only events recorded at or after this instant
 * @param until         only events recorded before this instant
 */
public record RecordingFilter(Optional<AggregateType> aggregateType, Optional<AggregateId> aggregateId,
                              Optional<String> correlationId, Optional<EventType> eventType,
                              Optional<Instant> since, Optional<Instant> until) {

    public RecordingFilter {
        aggregateType = aggregateType == null ? Optional.empty() : aggregateType;
        aggregateId = aggregateId == null ? Optional.empty() : aggregateId;
        correlationId = correlationId == null ? Optional.empty() : correlationId;
        eventType = eventType == null ? Optional.empty() : eventType;
        since = since == null ? Optional.empty() : since;
        until = until == null ? Optional.empty() : until;
        if (aggregateId.isPresent() && aggregateType.isEmpty()) {
            throw new InvalidInputException("aggregate id", "needs an aggregate type");
        }
        if (since.isPresent() && until.isPresent() && !until.get().isAfter(since.get())) {
            throw new InvalidInputException("until", "must be after since");
        }
        if (correlationId.isPresent() && correlationId.get().isBlank()) {
            throw new InvalidInputException("correlation id", "must not be blank");
        }
    }

    /** Takes every event. */
    public static RecordingFilter all() {
        return new RecordingFilter(null, null, null, null, null, null);
    }

    public RecordingFilter aggregate(String type, String id) {
        return new RecordingFilter(Optional.of(AggregateType.of(type)), Optional.ofNullable(id).map(AggregateId::of),
                correlationId, eventType, since, until);
    }

    public RecordingFilter correlation(String id) {
        return new RecordingFilter(aggregateType, aggregateId, Optional.of(id), eventType, since, until);
    }

    public RecordingFilter ofEventType(String type) {
        return new RecordingFilter(aggregateType, aggregateId, correlationId, Optional.of(EventType.of(type)),
                since, until);
    }

    public RecordingFilter between(Instant from, Instant to) {
        return new RecordingFilter(aggregateType, aggregateId, correlationId, eventType,
                Optional.ofNullable(from), Optional.ofNullable(to));
    }

    /** Whether the event meets every criterion but the correlation id (which depends on other events). */
    public boolean matchesOwnFields(RecordedEvent event) {
        return aggregateType.map(t -> t.equals(event.stream().type())).orElse(true)
                && aggregateId.map(i -> i.equals(event.stream().id())).orElse(true)
                && eventType.map(t -> t.equals(event.eventType())).orElse(true)
                && since.map(s -> !event.timestamp().isBefore(s)).orElse(true)
                && until.map(u -> event.timestamp().isBefore(u)).orElse(true);
    }
}
