package dev.dossier.infrastructure.filesystem;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dossier.domain.error.CorruptDataException;
import dev.dossier.domain.error.EventStoreException;
import dev.dossier.domain.model.EventType;
import dev.dossier.domain.model.GlobalPosition;
import dev.dossier.domain.model.RawJson;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.domain.model.StreamId;
import dev.dossier.domain.model.Version;
import dev.dossier.infrastructure.json.JsonSupport;
import dev.dossier.infrastructure.json.PayloadCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One event file: a pretty-printed UTF-8 JSON document with the envelope fields in a fixed order and
 * the payload under {@code data} (format v1, see docs/format.md).
 */
final class EventFileCodec {
    static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final ObjectMapper mapper = JsonSupport.mapper();
    private final PayloadCodec payloads;

    EventFileCodec(PayloadCodec payloads) {
        this.payloads = payloads;
    }

    /** The bytes of the event's file, ending in a newline. */
    byte[] encode(RecordedEvent event, JsonNode data) {
        var out = new ByteArrayOutputStream(512);
        try (JsonGenerator json = mapper.getFactory().createGenerator(out)) {
            json.setPrettyPrinter(JsonSupport.PRETTY.createInstance());
            json.writeStartObject();
            json.writeStringField("eventId", event.eventId().toString());
            json.writeStringField("eventType", event.eventType().value());
            json.writeNumberField("schemaVersion", event.schemaVersion());
            json.writeStringField("aggregateType", event.stream().type().value());
            json.writeStringField("aggregateId", event.stream().id().value());
            json.writeNumberField("aggregateVersion", event.version().value());
            json.writeNumberField("globalPosition", event.position().value());
            json.writeStringField("timestamp", TIMESTAMP.format(event.timestamp()));
            json.writeStringField("previousEventId", event.previousEventId().map(UUID::toString).orElse(null));
            json.writeStringField("correlationId", event.correlationId().orElse(null));
            json.writeStringField("causationId", event.causationId().orElse(null));
            json.writeObjectField("metadata", new java.util.TreeMap<>(event.metadata()));
            json.writeFieldName("data");
            mapper.writeTree(json, data);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory failed", e);
        }
        out.write('\n');
        return out.toByteArray();
    }

    /**
     * The event recorded in {@code bytes}, read from {@code file}.
     *
     * @throws CorruptDataException naming the file when it is not a complete, well-formed event
     */
    RecordedEvent decode(String file, byte[] bytes) {
        if (bytes.length == 0) {
            throw new CorruptDataException(file, "the file is empty (zero bytes)");
        }
        JsonNode root;
        try {
            root = mapper.readTree(bytes);
        } catch (JacksonException e) {
            throw new CorruptDataException(file, "not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new CorruptDataException(file, "unreadable: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new CorruptDataException(file, "the file does not hold a JSON object");
        }
        try {
            return envelope(file, root);
        } catch (CorruptDataException e) {
            throw e;
        } catch (EventStoreException | IllegalArgumentException | ArithmeticException | DateTimeException e) {
            throw new CorruptDataException(file, e.getMessage(), e);
        }
    }

    private RecordedEvent envelope(String file, JsonNode root) {
        JsonNode data = root.get("data");
        if (data == null || data.isMissingNode()) {
            throw new CorruptDataException(file, "the field 'data' is missing");
        }
        EventType type = EventType.of(text(file, root, "eventType"));
        RawJson raw = RawJson.of(payloads.compact(data));
        return RecordedEvent.builder()
                .eventId(UUID.fromString(text(file, root, "eventId")))
                .eventType(type)
                .schemaVersion(Math.toIntExact(number(file, root, "schemaVersion")))
                .stream(StreamId.of(text(file, root, "aggregateType"), text(file, root, "aggregateId")))
                .version(Version.of(number(file, root, "aggregateVersion")))
                .position(GlobalPosition.of(number(file, root, "globalPosition")))
                .timestamp(Instant.from(TIMESTAMP.parse(text(file, root, "timestamp"))))
                .previousEventId(optionalText(root, "previousEventId").map(UUID::fromString))
                .correlationId(optionalText(root, "correlationId"))
                .causationId(optionalText(root, "causationId"))
                .metadata(metadata(file, root))
                .data(raw)
                .payload(payloads.bind(type, raw, data))
                .build();
    }

    private static String text(String file, JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || !node.isTextual()) {
            throw new CorruptDataException(file, "the field '" + field + "' is missing or not a string");
        }
        return node.textValue();
    }

    private static long number(String file, JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || !node.canConvertToExactIntegral() || !node.canConvertToLong()) {
            throw new CorruptDataException(file, "the field '" + field + "' is missing or not a whole number");
        }
        return node.longValue();
    }

    private static Optional<String> optionalText(JsonNode root, String field) {
        JsonNode node = root.get(field);
        return node == null || node.isNull() ? Optional.empty() : Optional.of(node.asText());
    }

    private static Map<String, String> metadata(String file, JsonNode root) {
        JsonNode node = root.get("metadata");
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw new CorruptDataException(file, "the field 'metadata' is not an object");
        }
        var map = new LinkedHashMap<String, String>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }
}
