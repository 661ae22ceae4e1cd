package dev.dossier.infrastructure.filesystem;

import dev.dossier.domain.model.RecordedEvent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Writes an event file's bytes directly, in the exact layout {@link EventFileCodec#encode} defines (two-space
 * indentation, {@code "name": value}, metadata keys in order, compact payload), for the common case in
 * which every text field is plain printable ASCII that JSON needs no escape for. Appends write every event
 * this way, so the layout is checked against the general encoder by a property test.
 */
final class EnvelopeWriter {
    /** Room for the envelope around a payload with plain names; more is made when needed. */
    private static final int ENVELOPE_BYTES = 512;
    private byte[] bytes;
    private int size;

    private EnvelopeWriter(int capacity) {
        bytes = new byte[capacity];
    }

    /** The event file's bytes, or null when a text field needs escaping (the general encoder then writes it). */
    static byte[] write(RecordedEvent event) {
        if (!plain(event)) {
            return null;
        }
        var out = new EnvelopeWriter(ENVELOPE_BYTES + event.data().json().length());
        out.raw("{\n  \"eventId\": ").text(event.eventId().toString());
        out.raw(",\n  \"eventType\": ").text(event.eventType().value());
        out.raw(",\n  \"schemaVersion\": ").raw(Integer.toString(event.schemaVersion()));
        out.raw(",\n  \"aggregateType\": ").text(event.stream().type().value());
        out.raw(",\n  \"aggregateId\": ").text(event.stream().id().value());
        out.raw(",\n  \"aggregateVersion\": ").raw(Long.toString(event.version().value()));
        out.raw(",\n  \"globalPosition\": ").raw(Long.toString(event.position().value()));
        out.raw(",\n  \"timestamp\": ").text(Timestamps.format(event.timestamp()));
        out.raw(",\n  \"previousEventId\": ").text(event.previousEventId().map(UUID::toString).orElse(null));
        out.raw(",\n  \"correlationId\": ").text(event.correlationId().orElse(null));
        out.raw(",\n  \"causationId\": ").text(event.causationId().orElse(null));
        out.raw(",\n  \"metadata\": ");
        if (event.metadata().isEmpty()) {
            out.raw("{ }");
        } else {
            String separator = "{\n    ";
            for (Map.Entry<String, String> entry : new TreeMap<>(event.metadata()).entrySet()) {
                out.raw(separator).text(entry.getKey()).raw(": ").text(entry.getValue());
                separator = ",\n    ";
            }
            out.raw("\n  }");
        }
        out.raw(",\n  \"data\": ").utf8(event.data().json());
        out.raw("\n}\n");
        return Arrays.copyOf(out.bytes, out.size);
    }

    /** Whether every text field is plain printable ASCII without quote or backslash. */
    private static boolean plain(RecordedEvent event) {
        if (!plain(event.eventType().value()) || !plain(event.stream().type().value())
                || !plain(event.stream().id().value()) || !plain(event.correlationId().orElse(""))
                || !plain(event.causationId().orElse(""))) {
            return false;
        }
        for (Map.Entry<String, String> entry : event.metadata().entrySet()) {
            if (!plain(entry.getKey()) || !plain(entry.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code text} is printable ASCII without quote or backslash: a JSON string of it needs no escape. */
    static boolean plain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    /** A JSON string of plain text, or {@code null}. */
    private EnvelopeWriter text(String value) {
        return value == null ? raw("null") : raw("\"").raw(value).raw("\"");
    }

    /** ASCII text as is. */
    private EnvelopeWriter raw(String ascii) {
        ensure(ascii.length());
        for (int i = 0; i < ascii.length(); i++) {
            bytes[size++] = (byte) ascii.charAt(i);
        }
        return this;
    }

    /** Any text, as UTF-8: ASCII byte by byte, the rest (from its first other character) by the encoder. */
    private void utf8(String text) {
        ensure(text.length());
        int i = 0;
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                break;
            }
            bytes[size++] = (byte) c;
        }
        if (i < text.length()) {
            byte[] encoded = text.substring(i).getBytes(StandardCharsets.UTF_8);
            ensure(encoded.length);
            System.arraycopy(encoded, 0, bytes, size, encoded.length);
            size += encoded.length;
        }
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
