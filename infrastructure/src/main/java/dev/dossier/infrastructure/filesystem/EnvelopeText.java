package dev.dossier.infrastructure.filesystem;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A text field of an envelope {@link CanonicalEnvelope} read, where its characters lie in the bytes (plain
 * printable ASCII, no escapes), or {@link #NULL} for {@code null}: a field that is only compared or parsed
 * never becomes a {@code String}.
 */
final class EnvelopeText {
    /** The field holds {@code null}. */
    static final EnvelopeText NULL = new EnvelopeText(new byte[0], 0, 0);

    private final byte[] in;
    private final int from;
    private final int to;

    EnvelopeText(byte[] in, int from, int to) {
        this.in = in;
        this.from = from;
        this.to = to;
    }

    boolean isNull() {
        return this == NULL;
    }

    /** The text; null for {@link #NULL}. */
    String string() {
        return isNull() ? null : new String(in, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /** Whether the text is exactly {@code expected} (never for {@link #NULL}). */
    boolean is(String expected) {
        if (isNull() || expected.length() != to - from) {
            return false;
        }
        for (int i = 0; i < expected.length(); i++) {
            if (in[from + i] != expected.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The text as {@link UUID#fromString} reads it; null for {@link #NULL}.
     *
     * @throws IllegalArgumentException when it is not a UUID
     */
    UUID uuid() {
        if (isNull()) {
            return null;
        }
        if (to - from != 36 || in[from + 8] != '-' || in[from + 13] != '-' || in[from + 18] != '-'
                || in[from + 23] != '-') {
            return UUID.fromString(string());
        }
        long most = hex(from, 8) << 32 | hex(from + 9, 4) << 16 | hex(from + 14, 4);
        long least = hex(from + 19, 4) << 48 | hex(from + 24, 12);
        return new UUID(most, least);
    }

    private long hex(int start, int digits) {
        long value = 0;
        for (int i = start; i < start + digits; i++) {
            int digit = Character.digit(in[i], 16);
            if (digit < 0) {
                throw new IllegalArgumentException("not a UUID: " + string());
            }
            value = value << 4 | digit;
        }
        return value;
    }
}
