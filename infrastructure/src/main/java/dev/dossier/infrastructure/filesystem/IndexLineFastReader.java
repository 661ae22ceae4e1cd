package dev.dossier.infrastructure.filesystem;

import dev.dossier.domain.model.EventType;
import dev.dossier.domain.model.StreamId;
import dev.dossier.infrastructure.common.EventStamp;
import dev.dossier.infrastructure.common.IndexEntry;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Reads an index or journal line in exactly the layout {@link IndexLineCodec} writes (keys in order, no
 * escapes in strings), without a general JSON parser: opening a store reads a million of them. Anything
 * else (a hand-edited line, an escaped character) returns null and goes through the general parser.
 */
final class IndexLineFastReader {
    private final Map<String, EventType> eventTypes;
    private final Map<String, StreamId> streams;
    private byte[] bytes;
    private int at;
    private int end;

    IndexLineFastReader(Map<String, EventType> eventTypes, Map<String, StreamId> streams) {
        this.eventTypes = eventTypes;
        this.streams = streams;
    }

    /** The line, or null when it is not in the exact written layout. */
    IndexLineCodec.Line read(byte[] source, int offset, int length) {
        bytes = source;
        at = offset;
        end = offset + length;
        try {
            long position = number("{\"p\":");
            String stamp = string(",\"s\":");
            String type = string(",\"t\":");
            String id = string(",\"i\":");
            long version = number(",\"v\":");
            String eventType = string(",\"e\":");
            long schema = number(",\"sv\":");
            String eventId = string(",\"id\":");
            long size = number(",\"b\":");
            boolean commit = at < end && bytes[at] == ',' && peek(",\"c\":1");
            if (commit) {
                at += 6;
            }
            if (position < 0 || version < 0 || schema < 0 || size < 0 || stamp == null || type == null || id == null
                    || eventType == null || eventId == null || eventId.length() != 36) {
                return null;
            }
            if (at != end - 1 || bytes[at] != '}') {
                return null;
            }
            EventStamp parsed = EventStamp.parse(stamp).orElse(null);
            if (parsed == null || schema > Integer.MAX_VALUE) {
                return null;
            }
            StreamId stream = intern(streams, type + "\u0000" + id, k -> StreamId.of(type, id));
            var entry = new IndexEntry(position, parsed, stream, version, intern(eventTypes, eventType, EventType::of),
                    (int) schema, UUID.fromString(eventId), size);
            return new IndexLineCodec.Line(entry, commit, "");
        } catch (RuntimeException e) {
            return null;
        } finally {
            bytes = null;
        }
    }

    private static <T> T intern(Map<String, T> cache, String key, Function<String, T> create) {
        T known = cache.get(key);
        if (known == null) {
            known = create.apply(key);
            cache.put(key, known);
        }
        return known;
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

    private String string(String key) {
        if (!peek(key) || end - at <= key.length() || bytes[at + key.length()] != '"') {
            return null;
        }
        at += key.length() + 1;
        int start = at;
        while (at < end && bytes[at] != '"') {
            if (bytes[at] == '\\' || (bytes[at] >= 0 && bytes[at] < 0x20)) {
                return null;
            }
            at++;
        }
        if (at >= end) {
            return null;
        }
        return new String(bytes, start, at++ - start, StandardCharsets.UTF_8);
    }
}
