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
        if (!EnvelopeWriter.plain(type) || !EnvelopeWriter.plain(id) || !EnvelopeWriter.plain(eventType)
                || (file != null && !newlinesOnly(file))) {
            return false;
        }
        LineBuffer line = out instanceof LineBuffer buffer ? buffer : new LineBuffer(256);
        line.ascii("{\"p\":").ascii(Long.toString(entry.position())).ascii(",\"s\":\"");
        line.ensure(20);
        entry.stamp().putDigits(line.array(), line.size());
        line.advance(20);
        line.ascii("\",\"t\":\"").ascii(type).ascii("\",\"i\":\"").ascii(id).ascii("\",\"v\":")
                .ascii(Long.toString(entry.version())).ascii(",\"e\":\"").ascii(eventType).ascii("\",\"sv\":")
                .ascii(Integer.toString(entry.schemaVersion())).ascii(",\"id\":\"").ascii(entry.eventId().toString())
                .ascii("\",\"b\":").ascii(Long.toString(entry.bytes()));
        if (commit) {
            line.ascii(",\"c\":1");
        }
        if (file != null) {
            line.ascii(",\"f\":\"");
            escaped(line, file);
            line.ascii("\"");
        }
        line.ascii("}\n");
        if (line != out) {
            out.write(line.array(), 0, line.size());
        }
        return true;
    }

    /** Whether the only control character in {@code file} is the newline (Jackson writes others differently). */
    private static boolean newlinesOnly(byte[] file) {
        for (byte b : file) {
            if (b >= 0 && b < 0x20 && b != '\n') {
                return false;
            }
        }
        return true;
    }

    /** UTF-8 bytes as the content of a JSON string: quote, backslash and newline escaped, the rest as is. */
    private static void escaped(LineBuffer line, byte[] utf8) {
        int escapes = 0;
        for (byte b : utf8) {
            if (b == '"' || b == '\\' || b == '\n') {
                escapes++;
            }
        }
        line.ensure(utf8.length + escapes);
        for (byte b : utf8) {
            if (b == '"' || b == '\\') {
                line.put((byte) '\\');
                line.put(b);
            } else if (b == '\n') {
                line.put((byte) '\\');
                line.put((byte) 'n');
            } else {
                line.put(b);
            }
        }
    }
}
