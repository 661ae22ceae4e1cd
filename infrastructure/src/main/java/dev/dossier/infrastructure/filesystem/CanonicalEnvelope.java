package dev.dossier.infrastructure.filesystem;

import static dev.dossier.infrastructure.filesystem.EnvelopeToken.AGGREGATE_ID;
import static dev.dossier.infrastructure.filesystem.EnvelopeToken.AGGREGATE_TYPE;
import static dev.dossier.infrastructure.filesystem.EnvelopeToken.AGGREGATE_VERSION;
import static dev.dossier.infrastructure.filesystem.EnvelopeToken.CAUSATION_ID;
import static dev.dossier.infrastructure.filesystem.EnvelopeToken.CORRELATION_ID;
import static dev.dossier.infrastructure.filesystem.EnvelopeToken.DATA;
import static dev.dossier.infrastructure.filesystem.EnvelopeToken.EVENT_ID;
import static dev.dossier.infrastructure.filesystem.EnvelopeToken.EVENT_TYPE;
import static dev.dossier.infrastructure.filesystem.EnvelopeToken.GLOBAL_POSITION;
import static dev.dossier.infrastructure.filesystem.EnvelopeToken.METADATA;
import static dev.dossier.infrastructure.filesystem.EnvelopeToken.PREVIOUS_EVENT_ID;
import static dev.dossier.infrastructure.filesystem.EnvelopeToken.SCHEMA_VERSION;
import static dev.dossier.infrastructure.filesystem.EnvelopeToken.STAMP;
import static dev.dossier.infrastructure.filesystem.EnvelopeToken.TIMESTAMP;

import dev.dossier.infrastructure.filesystem.CanonicalCursor.NotCanonical;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads an envelope laid out exactly as Dossier writes it (an event file, or a range file's line), byte by
 * byte, without a general JSON parser: the fields in their order, each text plain printable ASCII without
 * escapes, each number plain digits. Anything else, valid JSON or not, is left to {@link EventFileCodec}'s
 * full parser, which reads every layout and says what is wrong; so this reader only ever answers "these
 * are the fields" or "not canonical", never an error. The payload is not looked at: the caller gets where
 * it lies (from after {@code "data": } to the envelope's closing brace) and checks it as JSON.
 */
final class CanonicalEnvelope {
    final EnvelopeText eventId;
    final EnvelopeText eventType;
    final long schemaVersion;
    final EnvelopeText aggregateType;
    final EnvelopeText aggregateId;
    final long aggregateVersion;
    final long globalPosition;
    final EnvelopeText timestamp;
    final EnvelopeText previousEventId;
    final EnvelopeText correlationId;
    final EnvelopeText causationId;
    final Map<String, String> metadata;
    final int dataFrom;
    final int dataTo;

    private CanonicalEnvelope(byte[] in, int from, int to, boolean line) {
        var cursor = new CanonicalCursor(in, from, line);
        if (line) {
            cursor.expect(STAMP);
            cursor.digits(20);
            cursor.expect('"');
            cursor.expect(',');
        } else {
            cursor.expect('{');
        }
        eventId = cursor.text(EVENT_ID, true);
        eventType = cursor.text(EVENT_TYPE, false);
        schemaVersion = cursor.number(SCHEMA_VERSION);
        aggregateType = cursor.text(AGGREGATE_TYPE, false);
        aggregateId = cursor.text(AGGREGATE_ID, false);
        aggregateVersion = cursor.number(AGGREGATE_VERSION);
        globalPosition = cursor.number(GLOBAL_POSITION);
        timestamp = cursor.text(TIMESTAMP, false);
        previousEventId = cursor.text(PREVIOUS_EVENT_ID, false);
        correlationId = cursor.text(CORRELATION_ID, false);
        causationId = cursor.text(CAUSATION_ID, false);
        metadata = metadata(cursor);
        cursor.name(DATA, false);
        dataFrom = cursor.position();
        dataTo = cursor.payloadEnd(dataFrom, to);
    }

    /**
     * The fields of the envelope in {@code in[from, to)}, a range file's line (its newline included) when
     * {@code line}, else a whole event file; null when the bytes are not laid out exactly as Dossier writes.
     */
    static CanonicalEnvelope read(byte[] in, int from, int to, boolean line) {
        try {
            return new CanonicalEnvelope(in, from, to, line);
        } catch (NotCanonical | ArrayIndexOutOfBoundsException e) {
            return null;
        }
    }

    /** {@code { }}, or an object of text values with keys in increasing order. */
    private static Map<String, String> metadata(CanonicalCursor cursor) {
        cursor.name(METADATA, false);
        cursor.expect('{');
        if (cursor.accept(' ')) {
            cursor.expect('}');
            return Map.of();
        }
        var map = new LinkedHashMap<String, String>();
        String previous = null;
        do {
            cursor.layout();
            String key = cursor.textValue().string();
            cursor.expect(':');
            cursor.expect(' ');
            String value = cursor.textValue().string();
            if (key == null || value == null || (previous != null && previous.compareTo(key) >= 0)) {
                throw NotCanonical.INSTANCE;
            }
            map.put(key, value);
            previous = key;
        } while (cursor.accept(','));
        cursor.layout();
        cursor.expect('}');
        return map;
    }
}
