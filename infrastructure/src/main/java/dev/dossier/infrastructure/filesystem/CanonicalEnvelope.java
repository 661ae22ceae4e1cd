package dev.dossier.infrastructure.filesystem;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
    private static final byte[] STAMP = bytes("{\"stamp\":\"");
    private static final byte[] EVENT_ID_NAME = token("eventId");
    private static final byte[] EVENT_TYPE_NAME = token("eventType");
    private static final byte[] SCHEMA_VERSION_NAME = token("schemaVersion");
    private static final byte[] AGGREGATE_TYPE_NAME = token("aggregateType");
    private static final byte[] AGGREGATE_ID_NAME = token("aggregateId");
    private static final byte[] AGGREGATE_VERSION_NAME = token("aggregateVersion");
    private static final byte[] GLOBAL_POSITION_NAME = token("globalPosition");
    private static final byte[] TIMESTAMP_NAME = token("timestamp");
    private static final byte[] PREVIOUS_EVENT_ID_NAME = token("previousEventId");
    private static final byte[] CORRELATION_ID_NAME = token("correlationId");
    private static final byte[] CAUSATION_ID_NAME = token("causationId");
    private static final byte[] METADATA_NAME = token("metadata");
    private static final byte[] DATA_NAME = token("data");

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

    private final byte[] in;
    private final boolean line;
    private int at;

    private CanonicalEnvelope(byte[] in, int from, int to, boolean line) {
        this.in = in;
        this.line = line;
        this.at = from;
        if (line) {
            expect(STAMP);
            for (int end = at + 20; at < end; at++) {
                if (in[at] < '0' || in[at] > '9') {
                    throw NotCanonical.INSTANCE;
                }
            }
            expect('"');
            expect(',');
        } else {
            expect('{');
        }
        eventId = text(EVENT_ID_NAME, true);
        eventType = text(EVENT_TYPE_NAME, false);
        schemaVersion = number(SCHEMA_VERSION_NAME);
        aggregateType = text(AGGREGATE_TYPE_NAME, false);
        aggregateId = text(AGGREGATE_ID_NAME, false);
        aggregateVersion = number(AGGREGATE_VERSION_NAME);
        globalPosition = number(GLOBAL_POSITION_NAME);
        timestamp = text(TIMESTAMP_NAME, false);
        previousEventId = text(PREVIOUS_EVENT_ID_NAME, false);
        correlationId = text(CORRELATION_ID_NAME, false);
        causationId = text(CAUSATION_ID_NAME, false);
        metadata = metadata();
        name(DATA_NAME, false);
        dataFrom = at;
        dataTo = to - (line ? 2 : 3);
        if (dataTo <= dataFrom || !ends(to, line ? "}\n" : "\n}\n") || blank(in[dataFrom]) || blank(in[dataTo - 1])) {
            throw NotCanonical.INSTANCE;
        }
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

    /** {@code "<name>": } (as {@code token}), after the separator and layout that precede it (none before the first). */
    private void name(byte[] token, boolean first) {
        if (!first) {
            expect(',');
        }
        layout();
        expect(token);
    }

    /** A field's text, {@link EnvelopeText#NULL} for {@code null}. */
    private EnvelopeText text(byte[] token, boolean first) {
        name(token, first);
        return textValue();
    }

    private EnvelopeText textValue() {
        if (in[at] == 'n') {
            expect('n');
            expect('u');
            expect('l');
            expect('l');
            return EnvelopeText.NULL;
        }
        expect('"');
        int start = at;
        for (byte b = in[at]; b != '"'; b = in[++at]) {
            if (b < 0x20 || b > 0x7E || b == '\\') {
                throw NotCanonical.INSTANCE;
            }
        }
        return new EnvelopeText(in, start, at++);
    }

    /** A whole number of 1 to 18 digits, without a leading zero. */
    private long number(byte[] token) {
        name(token, false);
        int start = at;
        long value = 0;
        for (byte b = in[at]; b >= '0' && b <= '9'; b = in[++at]) {
            value = value * 10 + (b - '0');
        }
        int digits = at - start;
        if (digits == 0 || digits > 18 || (in[start] == '0' && digits > 1)) {
            throw NotCanonical.INSTANCE;
        }
        return value;
    }

    /** {@code { }}, or an object of text values with keys in increasing order. */
    private Map<String, String> metadata() {
        name(METADATA_NAME, false);
        expect('{');
        if (in[at] == ' ') {
            expect(' ');
            expect('}');
            return Map.of();
        }
        var map = new LinkedHashMap<String, String>();
        String previous = null;
        do {
            layout();
            String key = textValue().string();
            expect(':');
            expect(' ');
            String value = textValue().string();
            if (key == null || value == null || (previous != null && previous.compareTo(key) >= 0)) {
                throw NotCanonical.INSTANCE;
            }
            map.put(key, value);
            previous = key;
        } while (in[at] == ',' && at++ >= 0);
        layout();
        expect('}');
        return map;
    }

    /** The newline and indentation of an event file; a range file's line has none. */
    private void layout() {
        if (!line && in[at] == '\n') {
            at++;
            while (in[at] == ' ') {
                at++;
            }
        }
    }

    private static boolean blank(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    private boolean ends(int to, String tail) {
        for (int i = 0; i < tail.length(); i++) {
            if (in[to - tail.length() + i] != tail.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private void expect(char c) {
        if (in[at++] != c) {
            throw NotCanonical.INSTANCE;
        }
    }

    private void expect(byte[] token) {
        if (!Arrays.equals(in, at, at + token.length, token, 0, token.length)) {
            throw NotCanonical.INSTANCE;
        }
        at += token.length;
    }

    /** {@code "<name>": } in ASCII. */
    private static byte[] token(String name) {
        return bytes("\"" + name + "\": ");
    }

    private static byte[] bytes(String ascii) {
        return ascii.getBytes(StandardCharsets.US_ASCII);
    }

    /** The bytes are not laid out exactly as Dossier writes them; thrown without a stack trace. */
    private static final class NotCanonical extends RuntimeException {
        static final NotCanonical INSTANCE = new NotCanonical();

        private NotCanonical() {
            super("not canonical", null, false, false);
        }
    }
}
