package dev.dossier.domain.model;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import lombok.Builder;

/**
 * An event as the store recorded it: the envelope and the payload, brought to the current schema of its
 * type when read (the file itself never changes; see the schema evolution guide).
 *
 * @param eventType     the event type; after upcasting, the current name (an upcaster may rename it)
 * @param schemaVersion the payload's schema version; after upcasting, the current one
 * @param data    the payload JSON text: as stored, or as upcast when it was older than the current schema
 * @param payload the payload bound to its registered class, or the same {@link RawJson} as {@code data}
 *                when the event type has no registered class
 */
@Builder(toBuilder = true)
public record RecordedEvent(
        UUID eventId,
        EventType eventType,
        int schemaVersion,
        StreamId stream,
        Version version,
        GlobalPosition position,
        Instant timestamp,
        Optional<UUID> previousEventId,
        Optional<String> correlationId,
        Optional<String> causationId,
        Map<String, String> metadata,
        RawJson data,
        Object payload) {

    public RecordedEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(data, "data");
        previousEventId = previousEventId == null ? Optional.empty() : previousEventId;
        correlationId = correlationId == null ? Optional.empty() : correlationId;
        causationId = causationId == null ? Optional.empty() : causationId;
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        payload = payload == null ? data : payload;
    }

    /** The payload as {@code type}; throws {@link ClassCastException} if it is bound to another class. */
    public <T> T payloadAs(Class<T> type) {
        return type.cast(payload);
    }
}
