package dev.dossier.infrastructure.filesystem;

import dev.dossier.infrastructure.common.IndexEntry;
import java.io.ByteArrayOutputStream;

/**
 * Writes index and journal lines directly, byte for byte as {@link IndexLineCodec} writes them with Jackson,
 * for the common case in which the names are plain printable ASCII that JSON needs no escape for and the
 * journal line's event file holds no control character but newlines. Every append writes its lines this way,
 * so the layout is checked against Jackson's by a property test.
 */
final class IndexLineWriter {
    private IndexLineWriter() {
    }

    /**
     * Writes the line (with its newline) to {@code out} and returns true; returns false, having written
     * nothing, when a name or the file needs an escape this writer leaves to Jackson.
     */
    static boolean write(ByteArrayOutputStream out, IndexEntry entry, boolean commit, byte[] file) {
        String type = entry.stream().type().value();
        String id = entry.stream().id().value();
        String eventType = entry.eventType().value();
        if (!EnvelopeWriter.plain(type) || !EnvelopeWriter.plain(id) || !EnvelopeWriter.plain(eventType)) {
            return false;
        }
        LineBuffer line = out instanceof LineBuffer buffer ? buffer : new LineBuffer(256);
        int start = line.size();
        line.ascii("{\"p\":").decimal(entry.position()).ascii(",\"s\":\"");
        line.ensure(20);
        entry.stamp().putDigits(line.array(), line.size());
        line.advance(20);
        line.ascii("\",\"t\":\"").ascii(type).ascii("\",\"i\":\"").ascii(id).ascii("\",\"v\":")
                .decimal(entry.version()).ascii(",\"e\":\"").ascii(eventType).ascii("\",\"sv\":")
                .decimal(entry.schemaVersion()).ascii(",\"id\":\"").ascii(entry.eventId().toString())
                .ascii("\",\"b\":").decimal(entry.bytes());
        if (commit) {
            line.ascii(",\"c\":1");
        }
        if (file != null) {
            line.ascii(",\"f\":\"");
            if (!escaped(line, file)) {
                line.cut(start);
                return false;
            }
            line.ascii("\"");
        }
        line.ascii("}\n");
        if (line != out) {
            out.write(line.array(), 0, line.size());
        }
        return true;
    }

    /**
     * Puts UTF-8 bytes as the content of a JSON string (quote, backslash and newline escaped, the rest as is)
     * and returns true; returns false when they hold another control character (Jackson writes those
     * differently), having counted none of them.
     */
    private static boolean escaped(LineBuffer line, byte[] utf8) {
        line.ensure(2 * utf8.length);
        byte[] out = line.array();
        int at = line.size();
        for (byte b : utf8) {
            if (b >= 0 && b <= '\\') {
                if (b == '"' || b == '\\') {
                    out[at++] = '\\';
                } else if (b == '\n') {
                    out[at++] = '\\';
                    b = 'n';
                } else if (b < 0x20) {
                    return false;
                }
            }
            out[at++] = b;
        }
        line.advance(at - line.size());
        return true;
    }
}
