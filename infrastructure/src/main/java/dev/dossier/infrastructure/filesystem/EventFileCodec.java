package dev.dossier.infrastructure.filesystem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dossier.domain.error.CorruptDataException;
import dev.dossier.domain.model.EventType;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.infrastructure.common.IndexEntry;
import dev.dossier.infrastructure.json.JsonSupport;
import dev.dossier.infrastructure.json.PayloadCodec;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.function.BiPredicate;
import java.util.function.Supplier;

/**
 * One event file: a pretty-printed UTF-8 JSON document with the envelope fields in a fixed order and
 * the payload under {@code data} (format v2, see docs/format.md). Written by {@link EnvelopeWriter} or,
 * when text needs escaping, {@link JacksonEnvelopeWriter}; read by {@link CanonicalDecoder} or, for
 * anything unusual, {@link EventFileParser}.
 */
final class EventFileCodec {
    static final DateTimeFormatter TIMESTAMP = Timestamps.FORMAT;

    private static final BiPredicate<EventType, Integer> NO_TREE = (type, version) -> false;

    private final ObjectMapper mapper = JsonSupport.mapper();
    private final CanonicalDecoder canonical;
    private final EventFileParser parser;
    private final JacksonEnvelopeWriter general;

    EventFileCodec(PayloadCodec payloads) {
        this.canonical = new CanonicalDecoder(mapper, payloads);
        this.parser = new EventFileParser(mapper, payloads);
        this.general = new JacksonEnvelopeWriter(mapper);
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
        return general.write(event);
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
        return parser.decode(file, bytes, wantsTree);
    }

    /** A decoded event file: the event, and its payload's tree when one was asked for (else null). */
    record Decoded(RecordedEvent event, JsonNode dataTree) {
    }
}
