package dev.dossier.infrastructure.filesystem;

import java.util.Arrays;
import java.util.UUID;

/** Reads a UUID written in its canonical form (36 characters, dashes after 8, 12, 16 and 20 hex digits). */
final class Uuids {
    /** The value of each byte as a hex digit, or -1. */
    private static final byte[] NIBBLES = new byte[256];

    static {
        Arrays.fill(NIBBLES, (byte) -1);
        for (int i = 0; i < 10; i++) {
            NIBBLES['0' + i] = (byte) i;
        }
        for (int i = 0; i < 6; i++) {
            NIBBLES['a' + i] = (byte) (10 + i);
            NIBBLES['A' + i] = (byte) (10 + i);
        }
    }

    private Uuids() {
    }

    /**
     * The UUID written in the bytes {@code from} to {@code to} of {@code bytes} in canonical form, hex digits
     * in either case (what {@link UUID#fromString} reads from such text); null for anything else.
     */
    static UUID parse(byte[] bytes, int from, int to) {
        if (to - from != 36 || bytes[from + 8] != '-' || bytes[from + 13] != '-' || bytes[from + 18] != '-'
                || bytes[from + 23] != '-') {
            return null;
        }
        long first = hex(bytes, from, 8);
        long second = hex(bytes, from + 9, 4);
        long third = hex(bytes, from + 14, 4);
        long fourth = hex(bytes, from + 19, 4);
        long fifth = hex(bytes, from + 24, 12);
        if ((first | second | third | fourth | fifth) < 0) {
            return null;
        }
        return new UUID(first << 32 | second << 16 | third, fourth << 48 | fifth);
    }

    /** The value of {@code length} (at most 12) hex digits from {@code from}; -1 when one is not a hex digit. */
    private static long hex(byte[] bytes, int from, int length) {
        long value = 0;
        int check = 0;
        for (int i = from; i < from + length; i++) {
            int nibble = NIBBLES[bytes[i] & 0xFF];
            check |= nibble;
            value = value << 4 | (nibble & 0xF);
        }
        return check < 0 ? -1 : value;
    }
}
