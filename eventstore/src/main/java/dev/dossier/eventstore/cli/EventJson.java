package dev.dossier.eventstore.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.infrastructure.json.JsonSupport;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.TreeMap;
import java.util.UUID;

/**
 * An event as one JSON object, with the field names and order of the event files: {@code eventId,
 * eventType, schemaVersion, aggregateType, aggregateId, aggregateVersion, globalPosition, timestamp,
 * previousEventId, correlationId, causationId, metadata, data}. {@code import} reads these lines back.
 */
final class EventJson {
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final ObjectMapper MAPPER = JsonSupport.mapper();

    private EventJson() {
    }

    static ObjectNode toJson(RecordedEvent event) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("eventId", event.eventId().toString());
        node.put("eventType", event.eventType().value());
        node.put("schemaVersion", event.schemaVersion());
        node.put("aggregateType", event.stream().type().value());
        node.put("aggregateId", event.stream().id().value());
        node.put("aggregateVersion", event.version().value());
        node.put("globalPosition", event.position().value());
        node.put("timestamp", timestamp(event.timestamp()));
        node.put("previousEventId", event.previousEventId().map(UUID::toString).orElse(null));
        node.put("correlationId", event.correlationId().orElse(null));
        node.put("causationId", event.causationId().orElse(null));
        ObjectNode metadata = node.putObject("metadata");
        new TreeMap<>(event.metadata()).forEach(metadata::put);
        node.set("data", data(event));
        return node;
    }

    /** The event as one compact line of JSON (without the newline). */
    static String line(RecordedEvent event) {
        return compact(toJson(event));
    }

    static String compact(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JacksonException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    /** A document pretty-printed the way the store's own metadata files are. */
    static String pretty(JsonNode node) {
        try {
            return JsonSupport.prettyWriter().writeValueAsString(node);
        } catch (JacksonException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    private static JsonNode data(RecordedEvent event) {
        try {
            return MAPPER.readTree(event.data().json());
        } catch (JacksonException e) {
            throw new IllegalStateException("the store returned a payload that is not JSON", e);
        }
    }
}
