package dev.dossier.infrastructure.filesystem;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The fixed ASCII tokens of the envelope layout Dossier writes, as {@link CanonicalEnvelope} reads them: the
 * opening of a range file's line, then each field's {@code "<name>": } in the order the fields are written.
 */
enum EnvelopeToken {
    STAMP("{\"stamp\":\""),
    EVENT_ID(field("eventId")),
    EVENT_TYPE(field("eventType")),
    SCHEMA_VERSION(field("schemaVersion")),
    AGGREGATE_TYPE(field("aggregateType")),
    AGGREGATE_ID(field("aggregateId")),
    AGGREGATE_VERSION(field("aggregateVersion")),
    GLOBAL_POSITION(field("globalPosition")),
    TIMESTAMP(field("timestamp")),
    PREVIOUS_EVENT_ID(field("previousEventId")),
    CORRELATION_ID(field("correlationId")),
    CAUSATION_ID(field("causationId")),
    METADATA(field("metadata")),
    DATA(field("data"));

    private final byte[] bytes;

    EnvelopeToken(String ascii) {
        this.bytes = ascii.getBytes(StandardCharsets.US_ASCII);
    }

    /** The token's length in bytes. */
    int length() {
        return bytes.length;
    }

    /**
     * Whether {@code in} holds this token at {@code at}.
     *
     * @throws ArrayIndexOutOfBoundsException when the token would run past the end of {@code in}
     */
    boolean isAt(byte[] in, int at) {
        return Arrays.equals(in, at, at + bytes.length, bytes, 0, bytes.length);
    }

    /** {@code "<name>": } in ASCII. */
    private static String field(String name) {
        return "\"" + name + "\": ";
    }
}
