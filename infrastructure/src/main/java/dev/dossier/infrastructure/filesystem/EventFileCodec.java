package dev.dossier.infrastructure.filesystem;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonGenerator;
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
import dev.dossier.infrastructure.json.JsonSupport;
import dev.dossier.infrastructure.json.PayloadCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
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
    static final DateTimeFormatter TIMESTAMP = Timestamps.FORMAT;

    private final ObjectMapper mapper = JsonSupport.mapper();
    private final PayloadCodec payloads;

    EventFileCodec(PayloadCodec payloads) {
        this.payloads = payloads;
    }

    /** The bytes of the event's file, ending in a newline; the payload is written as its compact JSON. */
    byte[] encode(RecordedEvent event) {
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
            json.writeRawValue(event.data().json());
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
        try (JsonParser parser = mapper.getFactory().createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new CorruptDataException(file, "the file does not hold a JSON object");
            }
            var fields = new EnvelopeFields(bytes);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                fields.read(file, name, parser);
            }
            if (parser.nextToken() != null) {
                throw new CorruptDataException(file, "unexpected content after the JSON object");
            }
            return envelope(file, fields, bytes);
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
        EventType type = EventType.of(required(file, "eventType", f.eventType));
        RawJson raw = RawJson.of(f.data.text());
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
                .payload(bind(type, schemaVersion, raw, f.data, bytes))
                .build();
    }

    private Object bind(EventType type, int schemaVersion, RawJson raw, DataSpan data, byte[] bytes)
            throws IOException {
        if (!payloads.binds(type, schemaVersion)) {
            return raw;
        }
        try (JsonParser parser = mapper.getFactory().createParser(bytes, data.offset, data.length)) {
            return payloads.bind(type, raw, parser);
        }
    }

    /** Where the payload lies in the file's bytes: it is written compactly, so its text is taken as is. */
    private static final class DataSpan {
        private final byte[] bytes;
        private final int offset;
        private final int length;

        private DataSpan(byte[] bytes, int offset, int length) {
            this.bytes = bytes;
            this.offset = offset;
            this.length = length;
        }

        String text() {
            return new String(bytes, offset, length, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static <T> T required(String file, String field, T value) {
        if (value == null) {
            throw new CorruptDataException(file, "the field '" + field + "' is missing or of the wrong type");
        }
        return value;
    }

    /** The envelope's fields as they are read, in any order; each may appear once. */
    private final class EnvelopeFields {
        String eventId;
        String eventType;
        Long schemaVersion;
        String aggregateType;
        String aggregateId;
        Long aggregateVersion;
        Long globalPosition;
        String timestamp;
        String previousEventId;
        String correlationId;
        String causationId;
        Map<String, String> metadata = Map.of();
        DataSpan data;
        private final byte[] bytes;

        EnvelopeFields(byte[] bytes) {
            this.bytes = bytes;
        }

        void read(String file, String name, JsonParser parser) throws IOException {
            switch (name) {
                case "eventId" -> eventId = text(parser);
                case "eventType" -> eventType = text(parser);
                case "schemaVersion" -> schemaVersion = number(parser);
                case "aggregateType" -> aggregateType = text(parser);
                case "aggregateId" -> aggregateId = text(parser);
                case "aggregateVersion" -> aggregateVersion = number(parser);
                case "globalPosition" -> globalPosition = number(parser);
                case "timestamp" -> timestamp = text(parser);
                case "previousEventId" -> previousEventId = text(parser);
                case "correlationId" -> correlationId = text(parser);
                case "causationId" -> causationId = text(parser);
                case "metadata" -> metadata = metadata(file, parser);
                case "data" -> {
                    int start = (int) parser.currentTokenLocation().getByteOffset();
                    if (parser.currentToken().isStructStart()) {
                        parser.skipChildren();
                    } else {
                        parser.finishToken();
                    }
                    int end = (int) parser.currentLocation().getByteOffset();
                    data = new DataSpan(bytes, start, end - start);
                }
                default -> parser.skipChildren();
            }
        }

        private String text(JsonParser parser) throws IOException {
            return parser.currentToken() == JsonToken.VALUE_STRING ? parser.getText() : skip(parser);
        }

        private Long number(JsonParser parser) throws IOException {
            return parser.currentToken() == JsonToken.VALUE_NUMBER_INT
                    && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER ? parser.getLongValue() : skip(parser);
        }

        private <T> T skip(JsonParser parser) throws IOException {
            parser.skipChildren();
            return null;
        }

        private Map<String, String> metadata(String file, JsonParser parser) throws IOException {
            if (parser.currentToken() == JsonToken.VALUE_NULL) {
                return Map.of();
            }
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                throw new CorruptDataException(file, "the field 'metadata' is not an object");
            }
            var map = new LinkedHashMap<String, String>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value.isStructStart()) {
                    throw new CorruptDataException(file, "metadata '" + key + "' is not a plain value");
                }
                map.put(key, parser.getText());
            }
            return map;
        }
    }
}
