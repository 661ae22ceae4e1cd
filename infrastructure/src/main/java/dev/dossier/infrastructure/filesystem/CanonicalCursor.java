package dev.dossier.infrastructure.filesystem;

/**
 * A position in the bytes of an envelope laid out exactly as Dossier writes it, and the reads that move it
 * on: single characters, {@link EnvelopeToken tokens}, the layout between fields, plain texts and plain
 * numbers. Every read but {@code accept} (which answers false instead) throws {@link NotCanonical} when
 * the bytes are laid out in any other way, and {@link ArrayIndexOutOfBoundsException} when they end too
 * early; {@link CanonicalEnvelope#read} turns both into "not canonical".
 */
final class CanonicalCursor {
    private final byte[] in;
    private final boolean line;
    private int at;

    /** A cursor at {@code from}, over a range file's line when {@code line}, else over a whole event file. */
    CanonicalCursor(byte[] in, int from, boolean line) {
        this.in = in;
        this.line = line;
        this.at = from;
    }

    /** Where the cursor is: the index of the next byte to read. */
    int position() {
        return at;
    }

    /** {@code "<name>": } (as {@code token}), after the separator and layout that precede it (none before the first). */
    void name(EnvelopeToken token, boolean first) {
        if (!first) {
            expect(',');
        }
        layout();
        expect(token);
    }

    /** A field's text, {@link EnvelopeText#NULL} for {@code null}. */
    EnvelopeText text(EnvelopeToken token, boolean first) {
        name(token, first);
        return textValue();
    }

    /** A text value ({@code "..."} of printable ASCII without escapes), {@link EnvelopeText#NULL} for {@code null}. */
    EnvelopeText textValue() {
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
    long number(EnvelopeToken token) {
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

    /** Exactly {@code count} decimal digits. */
    void digits(int count) {
        for (int end = at + count; at < end; at++) {
            if (in[at] < '0' || in[at] > '9') {
                throw NotCanonical.INSTANCE;
            }
        }
    }

    /**
     * Where the payload that starts at {@code from} ends, when the envelope closes at {@code to} as Dossier
     * writes it and the payload has no blank at either end.
     */
    int payloadEnd(int from, int to) {
        int end = to - (line ? 2 : 3);
        if (end <= from || !ends(to, line ? "}\n" : "\n}\n") || blank(in[from]) || blank(in[end - 1])) {
            throw NotCanonical.INSTANCE;
        }
        return end;
    }

    /** The newline and indentation of an event file; a range file's line has none. */
    void layout() {
        if (!line && in[at] == '\n') {
            at++;
            while (in[at] == ' ') {
                at++;
            }
        }
    }

    /** Whether the next byte is {@code c}; moves past it when it is. */
    boolean accept(char c) {
        if (in[at] == c) {
            at++;
            return true;
        }
        return false;
    }

    void expect(char c) {
        if (in[at++] != c) {
            throw NotCanonical.INSTANCE;
        }
    }

    void expect(EnvelopeToken token) {
        if (!token.isAt(in, at)) {
            throw NotCanonical.INSTANCE;
        }
        at += token.length();
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

    /** The bytes are not laid out exactly as Dossier writes them; thrown without a stack trace. */
    static final class NotCanonical extends RuntimeException {
        static final NotCanonical INSTANCE = new NotCanonical();

        private NotCanonical() {
            super("not canonical", null, false, false);
        }
    }
}
