package dev.dossier.domain.model;

import dev.dossier.domain.error.InvalidInputException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import lombok.Builder;
import lombok.With;

/**
 * An event a caller asks the store to append. The store adds the version, position, timestamp and
 * previous event id when it records it.
 *
 * @param eventId       the event's identity; a fresh random UUID unless the caller brings one
 * @param eventType     the type name written into the file name and the envelope
 * @param payload       the host's object (a record or POJO, serialized with Jackson) or a {@link RawJson}
 * @param schemaVersion the payload's schema version; empty means "the version registered for the
 *                      event type, else 1"
 * @param correlationId the request or session this event belongs to, if any
 * @param causationId   the message (command or event) that caused this event, if any
 * @param metadata      free-form string metadata (actor, source, ...)
 */
@Builder(toBuilder = true)
@With
public record NewEvent(
        UUID eventId,
        EventType eventType,
        Object payload,
        OptionalInt schemaVersion,
        Optional<String> correlationId,
        Optional<String> causationId,
        Map<String, String> metadata) {

    public NewEvent {
        eventId = eventId == null ? UUID.randomUUID() : eventId;
        Objects.requireNonNull(eventType, "eventType");
        if (payload == null) {
            throw new InvalidInputException("payload", "of event type '" + eventType + "' must not be null");
        }
        schemaVersion = schemaVersion == null ? OptionalInt.empty() : schemaVersion;
        if (schemaVersion.isPresent() && schemaVersion.getAsInt() < 1) {
            throw new InvalidInputException("schema version", "must be 1 or more, was " + schemaVersion.getAsInt());
        }
        correlationId = correlationId == null ? Optional.empty() : correlationId;
        causationId = causationId == null ? Optional.empty() : causationId;
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /** The shortest way to an event: a type name and a payload, everything else defaulted. */
    public static NewEvent of(String eventType, Object payload) {
        return builder().eventType(EventType.of(eventType)).payload(payload).build();
    }

    /** Lombok fills in the builder; these setters add plain-value overloads for the optional fields. */
    public static class NewEventBuilder {
        public NewEventBuilder type(String eventType) {
            return eventType(EventType.of(eventType));
        }

        public NewEventBuilder correlation(String id) {
            return correlationId(Optional.ofNullable(id));
        }

        public NewEventBuilder causation(String id) {
            return causationId(Optional.ofNullable(id));
        }

        public NewEventBuilder schema(int version) {
            return schemaVersion(OptionalInt.of(version));
        }
    }
}
