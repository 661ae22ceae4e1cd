package dev.dossier.infrastructure.filesystem;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dossier.domain.error.CorruptDataException;
import dev.dossier.domain.error.EventStoreException;
import dev.dossier.domain.model.EventType;
import dev.dossier.domain.model.GlobalPosition;
import dev.dossier.domain.model.RawJson;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.domain.model.StreamId;
import dev.dossier.domain.model.Version;
import dev.dossier.infrastructure.json.PayloadCodec;
import java.io.IOException;
import java.time.DateTimeException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiPredicate;

/**
 * The full reader of an event file: any JSON object with the envelope fields in any order, read in one pass
 * that also binds the payload, or parses it into a tree when asked. Every way a file can fail to be a
 * complete, well-formed event is a {@link CorruptDataException} naming the file.
 */
final class EventFileParser {
    private final ObjectMapper mapper;
    private final PayloadCodec payloads;

    EventFileParser(ObjectMapper mapper, PayloadCodec payloads) {
        this.mapper = mapper;
        this.payloads = payloads;
    }

    /**
     * The event recorded in {@code bytes}, read from {@code file}, and its payload's tree when
     * {@code wantsTree} says so for the event's type and schema version (see {@link EnvelopeFields}).
     *
     * @throws CorruptDataException naming the file when it is not a complete, well-formed event
     */
    EventFileCodec.Decoded decode(String file, byte[] bytes, BiPredicate<EventType, Integer> wantsTree) {
        if (bytes.length == 0) {
            throw new CorruptDataException(file, "the file is empty (zero bytes)");
        }
        try (JsonParser parser = mapper.getFactory().createParser(bytes)) {
            parser.disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new CorruptDataException(file, "the file does not hold a JSON object");
            }
            var fields = new EnvelopeFields(bytes, wantsTree, payloads);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                fields.read(file, name, parser);
            }
            if (parser.nextToken() != null) {
                throw new CorruptDataException(file, "unexpected content after the JSON object");
            }
            return new EventFileCodec.Decoded(envelope(file, fields, bytes), fields.dataTree);
        } catch (CorruptDataException e) {
            throw e;
        } catch (JacksonException e) {
            throw new CorruptDataException(file, "not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new CorruptDataException(file, "unreadable: " + e.getMessage(), e);
        } catch (EventStoreException | IllegalArgumentException | ArithmeticException | DateTimeException e) {
            throw new CorruptDataException(file, e.getMessage(), e);
        }
    }

    private RecordedEvent envelope(String file, EnvelopeFields f, byte[] bytes) throws IOException {
        if (f.data == null) {
            throw new CorruptDataException(file, "the field 'data' is missing");
        }
        required(file, "eventType", f.eventType);
        EventType type = f.type();
        DataSpan span = f.data;
        RawJson raw = RawJson.lazy(span::text);
        int schemaVersion = Math.toIntExact(required(file, "schemaVersion", f.schemaVersion));
        return RecordedEvent.builder()
                .eventId(UUID.fromString(required(file, "eventId", f.eventId)))
                .eventType(type)
                .schemaVersion(schemaVersion)
                .stream(StreamId.of(required(file, "aggregateType", f.aggregateType),
                        required(file, "aggregateId", f.aggregateId)))
                .version(Version.of(required(file, "aggregateVersion", f.aggregateVersion)))
                .position(GlobalPosition.of(required(file, "globalPosition", f.globalPosition)))
                .timestamp(Timestamps.parse(required(file, "timestamp", f.timestamp)))
                .previousEventId(Optional.ofNullable(f.previousEventId).map(UUID::fromString))
                .correlationId(Optional.ofNullable(f.correlationId))
                .causationId(Optional.ofNullable(f.causationId))
                .metadata(f.metadata)
                .data(raw)
                .payload(f.bound ? f.payload : bind(type, schemaVersion, raw, f.data, bytes))
                .build();
    }

    private Object bind(EventType type, int schemaVersion, RawJson raw, DataSpan data, byte[] bytes)
            throws IOException {
        if (!payloads.binder().binds(type, schemaVersion)) {
            return raw;
        }
        try (JsonParser parser = mapper.getFactory().createParser(bytes, data.offset, data.length)) {
            return payloads.binder().bind(type, raw, parser);
        }
    }

    private static <T> T required(String file, String field, T value) {
        if (value == null) {
            throw new CorruptDataException(file, "the field '" + field + "' is missing or of the wrong type");
        }
        return value;
    }
}
