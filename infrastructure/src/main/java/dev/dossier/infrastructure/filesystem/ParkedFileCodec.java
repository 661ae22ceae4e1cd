package dev.dossier.infrastructure.filesystem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dossier.domain.error.CorruptDataException;
import dev.dossier.domain.model.EventType;
import dev.dossier.domain.model.GlobalPosition;
import dev.dossier.domain.model.ParkedEvent;
import dev.dossier.domain.model.StreamId;
import dev.dossier.domain.model.SubscriberName;
import java.time.Instant;
import java.util.UUID;

/** A parked-event file: the subscriber, the event (position, id, type, aggregate), attempts and the error. */
final class ParkedFileCodec {
    static final String FORMAT = "dossier-parked-event";

    private ParkedFileCodec() {
    }

    static byte[] encode(ParkedEvent parked) {
        ObjectNode node = AreaJson.start(FORMAT);
        node.put("subscriber", parked.subscriber().value());
        node.put("position", parked.position().value());
        node.put("eventId", parked.eventId().toString());
        node.put("eventType", parked.eventType().value());
        node.put("aggregateType", parked.stream().type().value());
        node.put("aggregateId", parked.stream().id().value());
        node.put("attempts", parked.attempts());
        node.put("error", parked.error());
        node.put("parkedAt", parked.parkedAt().toString());
        node.put("replayRequested", parked.replayRequested());
        return AreaJson.bytes(node);
    }

    static ParkedEvent decode(byte[] bytes, String name) {
        JsonNode node = AreaJson.read(bytes, FORMAT, name);
        try {
            return new ParkedEvent(SubscriberName.of(node.path("subscriber").asText()),
                    GlobalPosition.of(node.path("position").asLong()), UUID.fromString(node.path("eventId").asText()),
                    EventType.of(node.path("eventType").asText()),
                    StreamId.of(node.path("aggregateType").asText(), node.path("aggregateId").asText()),
                    node.path("attempts").asInt(), node.path("error").asText(),
                    Instant.parse(node.path("parkedAt").asText()), node.path("replayRequested").asBoolean());
        } catch (RuntimeException e) {
            throw new CorruptDataException(name, "cannot be read as a parked event: " + e.getMessage(), e);
        }
    }
}
