package dev.dossier.application.aggregate;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a save writes into every event's envelope besides the payload: the correlation id (the
 * conversation), the causation id (the message that caused the events) and free-form metadata.
 */
public record EventContext(Optional<String> correlationId, Optional<String> causationId,
                           Map<String, String> metadata) {
    public static final EventContext NONE = new EventContext(Optional.empty(), Optional.empty(), Map.of());

    public EventContext {
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(causationId, "causationId");
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    public static EventContext of(String correlationId, String causationId) {
        return new EventContext(Optional.of(correlationId), Optional.of(causationId), Map.of());
    }

    public EventContext withMetadata(Map<String, String> values) {
        return new EventContext(correlationId, causationId, values);
    }
}
