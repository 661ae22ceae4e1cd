package dev.dossier.infrastructure.filesystem;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.dossier.domain.error.EventStoreException;
import dev.dossier.domain.model.EventType;
import dev.dossier.domain.model.StreamId;
import dev.dossier.infrastructure.common.EventStamp;
import dev.dossier.infrastructure.common.IndexEntry;
import dev.dossier.infrastructure.json.JsonSupport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One line of {@code metadata/event-index.jsonl}: {@code {"p":..,"s":..,"t":..,"i":..,"v":..,"e":..,
 * "sv":..,"id":..,"b":..}} plus {@code "c":1} on the last line of each committed batch.
 */
final class IndexLineCodec {
    private final JsonFactory factory = JsonSupport.mapper().getFactory();
    private final Map<String, EventType> eventTypes = new HashMap<>();
    private final Map<String, StreamId> streams = new HashMap<>();
    private final IndexLineFastReader fastReader = new IndexLineFastReader();

    /**
     * A parsed line; {@code commit} marks the last line of a batch; {@code file} is the event file's text
     * in a journal line, empty in an index line.
     */
    record Line(IndexEntry entry, boolean commit, String file) {
    }

    void write(ByteArrayOutputStream out, IndexEntry entry, boolean commit) {
        write(out, entry, commit, null);
    }

    /** Writes a line; a journal line also carries the whole event file (UTF-8) as the string {@code "f"}. */
    void write(ByteArrayOutputStream out, IndexEntry entry, boolean commit, byte[] file) {
        if (!IndexLineWriter.write(out, entry, commit, file)) {
            writeGeneral(out, entry, commit, file);
        }
    }

    /** Writes a line with Jackson: what {@link IndexLineWriter} writes directly when no escaping is needed. */
    void writeGeneral(ByteArrayOutputStream out, IndexEntry entry, boolean commit, byte[] file) {
        try (JsonGenerator json = factory.createGenerator(out)) {
            json.writeStartObject();
            json.writeNumberField("p", entry.position());
            json.writeStringField("s", entry.stamp().digits());
            json.writeStringField("t", entry.stream().type().value());
            json.writeStringField("i", entry.stream().id().value());
            json.writeNumberField("v", entry.version());
            json.writeStringField("e", entry.eventType().value());
            json.writeNumberField("sv", entry.schemaVersion());
            json.writeStringField("id", entry.eventId().toString());
            json.writeNumberField("b", entry.bytes());
            if (commit) {
                json.writeNumberField("c", 1);
            }
            if (file != null) {
                json.writeFieldName("f");
                json.writeUTF8String(file, 0, file.length);
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.write('\n');
    }

    /**
     * Parses one line (without its newline); throws {@link IllegalArgumentException} when it is not one,
     * including a line whose names or numbers no append could have produced.
     */
    Line parse(byte[] bytes, int offset, int length) {
        Line fast = fastReader.read(bytes, offset, length);
        return fast != null ? fast : parseGeneral(bytes, offset, length);
    }

    /** The general parser, for any JSON object with these keys. */
    Line parseGeneral(byte[] bytes, int offset, int length) {
        var fields = new HashMap<String, String>(12);
        try (JsonParser parser = factory.createParser(bytes, offset, length)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == null || value.isStructStart()) {
                    throw new IllegalArgumentException("field '" + name + "' is not a plain value");
                }
                fields.put(name, parser.getText());
            }
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("unexpected content after the object");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getMessage(), e);
        }
        try {
            return toLine(fields);
        } catch (EventStoreException e) {
            throw new IllegalArgumentException("it names something no append could have written: " + e.getMessage(), e);
        }
    }

    private Line toLine(Map<String, String> fields) {
        String type = required(fields, "t");
        String id = required(fields, "i");
        StreamId stream = streams.computeIfAbsent(type + "\u0000" + id, k -> StreamId.of(type, id));
        EventStamp stamp = EventStamp.parse(required(fields, "s"))
                .orElseThrow(() -> new IllegalArgumentException("'s' is not a 20-digit stamp"));
        var entry = new IndexEntry(Long.parseLong(required(fields, "p")), stamp, stream,
                Long.parseLong(required(fields, "v")),
                eventTypes.computeIfAbsent(required(fields, "e"), EventType::of),
                Integer.parseInt(required(fields, "sv")), UUID.fromString(required(fields, "id")),
                Long.parseLong(required(fields, "b")));
        return new Line(entry, "1".equals(fields.get("c")), fields.getOrDefault("f", ""));
    }

    private static String required(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null) {
            throw new IllegalArgumentException("field '" + name + "' is missing");
        }
        return value;
    }
}
