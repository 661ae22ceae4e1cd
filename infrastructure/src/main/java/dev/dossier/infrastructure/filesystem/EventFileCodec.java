package dev.dossier.infrastructure.filesystem;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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
import dev.dossier.infrastructure.common.IndexEntry;
import dev.dossier.infrastructure.json.JsonSupport;
import dev.dossier.infrastructure.json.PayloadCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiPredicate;
import java.util.function.Supplier;

/**
 * One event file: a pretty-printed UTF-8 JSON document with the envelope fields in a fixed order and
 * the payload under {@code data} (format v2, see docs/format.md).
 */
final class EventFileCodec {
    static final DateTimeFormatter TIMESTAMP = Timestamps.FORMAT;

    private static final BiPredicate<EventType, Integer> NO_TREE = (type, version) -> false;

    private final ObjectMapper mapper = JsonSupport.mapper();
    private final PayloadCodec payloads;
    private final CanonicalDecoder canonical;

    EventFileCodec(PayloadCodec payloads) {
        this.payloads = payloads;
        this.canonical = new CanonicalDecoder(mapper, payloads);
    }

    /**
     * The event {@code entry} names, from {@code in[from, to)}: a range file's line (its newline included)
     * when {@code line}, else a whole event file. The same answer and errors as {@link #decode(String, byte[],
     * BiPredicate)} with a tree for each payload {@code reading} upcasts, faster for the layout Dossier writes,
     * and for a payload whose upcast needs no tree, already upcast. {@code file} names the place only for an
     * error. The result may still disagree with {@code entry} (see {@link EventMatch}).
     */
    Decoded decode(IndexEntry entry, byte[] in, int from, int to, boolean line, Supplier<String> file,
                   PayloadReading reading) {
        CanonicalEnvelope fields = CanonicalEnvelope.read(in, from, to, line);
        Decoded decoded = fields == null ? null : canonical.decode(entry, fields, in, reading);
        if (decoded != null) {
            return decoded;
        }
        return decode(file.get(), from == 0 && to == in.length ? in : Arrays.copyOfRange(in, from, to),
                reading::upcasts);
    }

    /** The bytes of the event's file, ending in a newline; the payload is written as its compact JSON. */
    byte[] encode(RecordedEvent event) {
        byte[] plain = EnvelopeWriter.write(event);
        return plain != null ? plain : encodeGeneral(event);
    }

    /** {@link #encode} through Jackson, which escapes any text; the layout {@link EnvelopeWriter} copies. */
    byte[] encodeGeneral(RecordedEvent event) {
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
        return decode(file, bytes, NO_TREE).event();
    }

    /**
     * Like {@link #decode(String, byte[])}, also parsing the payload into a tree, in the same pass, when
     * {@code wantsTree} says so for the event's type and schema version (see {@link EnvelopeFields}).
     *
     * @throws CorruptDataException naming the file when it is not a complete, well-formed event
     */
    Decoded decode(String file, byte[] bytes, BiPredicate<EventType, Integer> wantsTree) {
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
            return new Decoded(envelope(file, fields, bytes), fields.dataTree);
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

    /** A decoded event file: the event, and its payload's tree when one was asked for (else null). */
    record Decoded(RecordedEvent event, JsonNode dataTree) {
    }

    private static <T> T required(String file, String field, T value) {
        if (value == null) {
            throw new CorruptDataException(file, "the field '" + field + "' is missing or of the wrong type");
        }
        return value;
    }
}
