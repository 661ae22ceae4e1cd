package dev.dossier.infrastructure.filesystem;

import dev.dossier.domain.model.EventType;
import dev.dossier.domain.model.StreamId;
import dev.dossier.infrastructure.common.EventStamp;
import dev.dossier.infrastructure.common.IndexEntry;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Reads an index or journal line in exactly the layout {@link IndexLineCodec} writes (keys in order, no
 * escapes in strings), without a general JSON parser: opening a store reads a million of them. Anything
 * else (a hand-edited line, an escaped character) returns null and goes through the general parser.
 */
final class IndexLineFastReader {
    private final NameBytes<EventType> eventTypes = new NameBytes<>();
    private final NameBytes<StreamId> streams = new NameBytes<>();
    private byte[] bytes;
    private int at;
    private int end;
    /** Where the last string read starts and ends (its quotes excluded). */
    private int from;
    private int to;

    /** The line, or null when it is not in the exact written layout. */
    IndexLineCodec.Line read(byte[] source, int offset, int length) {
        bytes = source;
        at = offset;
        end = offset + length;
        try {
            long position = number("{\"p\":");
            EventStamp stamp = string(",\"s\":") && to - from == 20 ? EventStamp.fromDigits(bytes, from) : null;
            if (stamp == null || !string(",\"t\":")) {
                return null;
            }
            int typeFrom = from;
            int typeTo = to;
            if (!string(",\"i\":")) {
                return null;
            }
            int idFrom = from;
            int idTo = to;
            long version = number(",\"v\":");
            if (!string(",\"e\":")) {
                return null;
            }
            int eventTypeFrom = from;
            int eventTypeTo = to;
            long schema = number(",\"sv\":");
            UUID eventId = string(",\"id\":") ? Uuids.parse(bytes, from, to) : null;
            long size = number(",\"b\":");
            boolean commit = at < end && bytes[at] == ',' && peek(",\"c\":1");
            if (commit) {
                at += 6;
            }
            if (position < 0 || version < 0 || schema < 0 || schema > Integer.MAX_VALUE || size < 0 || eventId == null
                    || at != end - 1 || bytes[at] != '}') {
                return null;
            }
            // The type, the separator and the id together name the stream: a name holds no unescaped quote.
            StreamId stream = streams.get(bytes, typeFrom, idTo);
            if (stream == null) {
                stream = StreamId.of(text(typeFrom, typeTo), text(idFrom, idTo));
                streams.put(bytes, typeFrom, idTo, stream);
            }
            EventType eventType = eventTypes.get(bytes, eventTypeFrom, eventTypeTo);
            if (eventType == null) {
                eventType = EventType.of(text(eventTypeFrom, eventTypeTo));
                eventTypes.put(bytes, eventTypeFrom, eventTypeTo, eventType);
            }
            var entry = new IndexEntry(position, stamp, stream, version, eventType, (int) schema, eventId, size);
            return new IndexLineCodec.Line(entry, commit, "");
        } catch (RuntimeException | CharacterCodingException e) {
            return null;
        } finally {
            bytes = null;
        }
    }

    /** The text of the bytes {@code from} to {@code to}, refusing bytes that are not UTF-8 (as Jackson does). */
    private String text(int from, int to) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, from, to - from)).toString();
    }

    private boolean peek(String literal) {
        if (end - at < literal.length()) {
            return false;
        }
        for (int i = 0; i < literal.length(); i++) {
            if (bytes[at + i] != literal.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private long number(String key) {
        if (!peek(key)) {
            return -1;
        }
        at += key.length();
        long value = 0;
        int start = at;
        while (at < end && bytes[at] >= '0' && bytes[at] <= '9' && at - start < 18) {
            value = value * 10 + (bytes[at++] - '0');
        }
        return at == start || (bytes[start] == '0' && at - start > 1) ? -1 : value;
    }

    /** Reads the string after {@code key} into {@link #from} and {@link #to}; false when it is not a plain one. */
    private boolean string(String key) {
        if (!peek(key) || end - at <= key.length() || bytes[at + key.length()] != '"') {
            return false;
        }
        at += key.length() + 1;
        int start = at;
        while (at < end && bytes[at] != '"') {
            if (bytes[at] == '\\' || (bytes[at] >= 0 && bytes[at] < 0x20)) {
                return false;
            }
            at++;
        }
        if (at >= end) {
            return false;
        }
        from = start;
        to = at++;
        return true;
    }
}
