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
        UUID canonical = Uuids.parse(in, from, to);
        return canonical != null ? canonical : UUID.fromString(string());
    }
}
