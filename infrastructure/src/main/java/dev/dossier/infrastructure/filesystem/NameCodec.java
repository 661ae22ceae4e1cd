package dev.dossier.infrastructure.filesystem;

import dev.dossier.domain.error.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * The reversible, safe mapping between caller names and file names (format v2, see docs/format.md):
 * {@code a-z 0-9 - _} stay as they are; {@code .} too, except first or last; in directory names an
 * upper-case letter becomes {@code ^} and the lower-case letter (in event file names, where the stamp
 * already makes the name unique, upper-case letters stay); every other character becomes its UTF-8
 * bytes as {@code %XX}. A name that would read as a Windows device name, or as one of the store's own
 * directories, has its first character escaped. So every encoded name is plain ASCII, never starts with
 * a dot, never contains a separator, and two different directory names never differ only in case or
 * Unicode normalization.
 */
final class NameCodec {
    /** Longest encoded name, in bytes, for a directory (aggregate type or id). */
    static final int MAX_DIRECTORY_NAME = 240;
    /** Longest encoded event type, leaving room for the stamp and {@code .json} in a 255-byte file name. */
    static final int MAX_EVENT_TYPE_NAME = 220;
    /** Names of the store's own directories at the root; an aggregate type never encodes to one of them. */
    static final Set<String> RESERVED_ROOT_NAMES = Set.of("metadata", "snapshots", "checkpoints",
            "subscriptions", "projections", "parked", "recordings", "backup", "commands");
    private static final Set<String> WINDOWS_DEVICES = Set.of("con", "prn", "aux", "nul", "com1", "com2",
            "com3", "com4", "com5", "com6", "com7", "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5",
            "lpt6", "lpt7", "lpt8", "lpt9");
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private NameCodec() {
    }

    /** What a name becomes: a directory at the root, a directory below it, or part of an event file name. */
    enum Kind { AGGREGATE_TYPE, AGGREGATE_ID, EVENT_TYPE }

    static String encodeAggregateType(String name) {
        return limit("aggregate type", name, encode(name, Kind.AGGREGATE_TYPE), MAX_DIRECTORY_NAME);
    }

    static String encodeAggregateId(String name) {
        return limit("aggregate id", name, encode(name, Kind.AGGREGATE_ID), MAX_DIRECTORY_NAME);
    }

    static String encodeEventType(String name) {
        return limit("event type", name, encode(name, Kind.EVENT_TYPE), MAX_EVENT_TYPE_NAME);
    }

    /** The encoding of {@code name}, with no length limit. */
    static String encode(String name, Kind kind) {
        var out = new StringBuilder(name.length() + 8);
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < utf8.length; i++) {
            int b = utf8[i] & 0xFF;
            boolean edgeDot = b == '.' && (i == 0 || i == utf8.length - 1);
            if ((b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '-' || b == '_' || (b == '.' && !edgeDot)) {
                out.append((char) b);
            } else if (b >= 'A' && b <= 'Z') {
                if (kind == Kind.EVENT_TYPE) {
                    out.append((char) b);
                } else {
                    out.append('^').append((char) (b + ('a' - 'A')));
                }
            } else {
                escape(out, b);
            }
        }
        String encoded = out.toString();
        String stem = (encoded.contains(".") ? encoded.substring(0, encoded.indexOf('.')) : encoded)
                .toLowerCase(java.util.Locale.ROOT);
        boolean reserved = kind == Kind.AGGREGATE_TYPE && RESERVED_ROOT_NAMES.contains(encoded);
        if (WINDOWS_DEVICES.contains(stem) || reserved) {
            var escaped = new StringBuilder();
            escape(escaped, encoded.charAt(0));
            return escaped.append(encoded, 1, encoded.length()).toString();
        }
        return encoded;
    }

    /**
     * The name {@code encoded} stands for, or empty when it is not exactly what {@link #encode} produces
     * for some name (a stray file or directory a person created).
     */
    static Optional<String> decode(String encoded, Kind kind) {
        var bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '^' && i + 1 < encoded.length()) {
                bytes.write(encoded.charAt(++i) - ('a' - 'A'));
            } else if (c == '%' && i + 2 < encoded.length()) {
                int hi = Character.digit(encoded.charAt(i + 1), 16);
                int lo = Character.digit(encoded.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return Optional.empty();
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                return Optional.empty();
            }
        }
        try {
            String name = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
            return !name.isEmpty() && encode(name, kind).equals(encoded) ? Optional.of(name) : Optional.empty();
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static void escape(StringBuilder out, int b) {
        out.append('%').append(HEX[b >> 4]).append(HEX[b & 0xF]);
    }

    private static String limit(String field, String name, String encoded, int max) {
        if (encoded.length() > max) {
            throw new InvalidInputException(field, "'" + name.substring(0, Math.min(40, name.length()))
                    + "...' is " + encoded.length() + " bytes once encoded for a file name; the limit is " + max
                    + " (use a shorter name; non-ASCII and upper-case letters take more room)");
        }
        return encoded;
    }
}
