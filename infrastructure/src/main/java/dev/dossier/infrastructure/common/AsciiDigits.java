package dev.dossier.infrastructure.common;

/** Numbers written as fixed-width ASCII digits into a byte array, for the store's stamps and timestamps. */
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
}
