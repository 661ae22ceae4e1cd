package dev.dossier.application.subscription;

import dev.dossier.domain.error.InvalidInputException;
import dev.dossier.domain.model.AggregateType;
import dev.dossier.domain.model.EventType;
import dev.dossier.domain.model.RecordedEvent;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** Which events a subscriber receives. Events it does not receive still advance its checkpoint. */
public sealed interface EventFilter {

    /** Whether {@code event} is delivered. */
    boolean matches(RecordedEvent event);

    /** Every event. */
    static EventFilter all() {
        return new All();
    }

    /** Events of any of these types. */
    static EventFilter eventTypes(String... types) {
        return new ByEventType(Arrays.stream(types).map(EventType::of).collect(Collectors.toUnmodifiableSet()));
    }

    /** Events of aggregates of any of these types. */
    static EventFilter aggregateTypes(String... types) {
        return new ByAggregateType(Arrays.stream(types).map(AggregateType::of).collect(Collectors.toUnmodifiableSet()));
    }

    /** Every event. */
    record All() implements EventFilter {
        @Override
        public boolean matches(RecordedEvent event) {
            return true;
        }
    }

    /** Events whose type is one of {@code types} (non-empty). */
    record ByEventType(Set<EventType> types) implements EventFilter {
        public ByEventType {
            if (types == null || types.isEmpty()) {
                throw new InvalidInputException("event type filter", "must name at least one event type");
            }
            types = Set.copyOf(types);
        }

        @Override
        public boolean matches(RecordedEvent event) {
            return types.contains(event.eventType());
        }
    }

    /** Events of aggregates whose type is one of {@code types} (non-empty). */
    record ByAggregateType(Set<AggregateType> types) implements EventFilter {
        public ByAggregateType {
            if (types == null || types.isEmpty()) {
                throw new InvalidInputException("aggregate type filter", "must name at least one aggregate type");
            }
            types = Set.copyOf(types);
        }

        @Override
        public boolean matches(RecordedEvent event) {
            return types.contains(event.stream().type());
        }
    }
}
