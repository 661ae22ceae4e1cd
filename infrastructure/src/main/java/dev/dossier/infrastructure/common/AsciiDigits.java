package dev.dossier.infrastructure.common;

import java.time.LocalDateTime;

/** Numbers as fixed-width ASCII digits in a byte array, written and read, for the store's stamps and timestamps. */
public final class AsciiDigits {
    private AsciiDigits() {
    }

    /** Writes the last {@code width} decimal digits of {@code value} (not negative) at {@code at}, zero-padded. */
    public static void put(byte[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }

    /**
     * Writes {@code time} to the second as {@code yyyy MM dd HH mm ss} from index 0, with {@code gap} bytes left
     * between the fields for separators (0: 14 digits in a row; 1: the ISO-8601 layout).
     */
    public static void putDateTime(byte[] out, LocalDateTime time, int gap) {
        put(out, 0, time.getYear(), 4);
        put(out, 4 + gap, time.getMonthValue(), 2);
        put(out, 6 + 2 * gap, time.getDayOfMonth(), 2);
        put(out, 8 + 3 * gap, time.getHour(), 2);
        put(out, 10 + 4 * gap, time.getMinute(), 2);
        put(out, 12 + 5 * gap, time.getSecond(), 2);
    }

    /** The number the {@code length} ASCII digits from {@code from} write (checked to be digits by the caller). */
    public static int read(byte[] bytes, int from, int length) {
        int value = 0;
        for (int i = from; i < from + length; i++) {
            value = value * 10 + (bytes[i] - '0');
        }
        return value;
    }
}
