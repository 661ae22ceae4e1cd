package dev.dossier.application.aggregate;

import dev.dossier.domain.error.InvalidInputException;
import dev.dossier.domain.model.EventType;
import dev.dossier.domain.model.EventTypeRegistry;
import dev.dossier.domain.model.NewEvent;
import java.util.List;

/** Turns an aggregate's uncommitted payloads into events, named by the registry, with the save's context. */
final class NewEvents {
    private final EventTypeRegistry types;

    NewEvents(EventTypeRegistry types) {
        this.types = types;
    }

    List<NewEvent> toNewEvents(List<Object> payloads, EventContext context) {
        return payloads.stream().map(payload -> NewEvent.builder()
                .eventType(typeOf(payload))
                .payload(payload)
                .correlationId(context.correlationId())
                .causationId(context.causationId())
                .metadata(context.metadata())
                .build()).toList();
    }

    private EventType typeOf(Object payload) {
        return types.typeFor(payload.getClass()).orElseThrow(() -> new InvalidInputException("event",
                payload.getClass().getName() + " is not registered as an event type; register it with the "
                        + "store and pass the same registry to the AggregateRepository"));
    }
}
