package dev.dossier.infrastructure.filesystem;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.infrastructure.json.JsonSupport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Writes an event file through Jackson, which escapes any text: the general path for what
 * {@link EnvelopeWriter} does not copy, giving the same layout (see {@link EventFileCodec#encode}). Throws
 * {@link UncheckedIOException} only when writing the JSON to memory fails.
 */
final class JacksonEnvelopeWriter {
    private final ObjectMapper mapper;

    JacksonEnvelopeWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The bytes of the event's file, ending in a newline; the payload is written as its compact JSON. */
    byte[] write(RecordedEvent event) {
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
            json.writeStringField("timestamp", EventFileCodec.TIMESTAMP.format(event.timestamp()));
            json.writeStringField("previousEventId", event.previousEventId().map(UUID::toString).orElse(null));
            json.writeStringField("correlationId", event.correlationId().orElse(null));
            json.writeStringField("causationId", event.causationId().orElse(null));
            json.writeObjectField("metadata", new TreeMap<>(event.metadata()));
            json.writeFieldName("data");
            json.writeRawValue(event.data().json());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory failed", e);
        }
        out.write('\n');
        return out.toByteArray();
    }
}
