package dev.dossier.infrastructure.filesystem;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/** Lines built in memory: written to directly, and handed on without a copy ({@link #array()}, {@link #size()}). */
final class LineBuffer extends ByteArrayOutputStream {
    LineBuffer(int capacity) {
        super(capacity);
    }

    /** The bytes written so far are the first {@link #size()} of this array. */
    byte[] array() {
        return buf;
    }

    /** Makes room for {@code more} bytes after the {@link #size()} written. */
    void ensure(int more) {
        if (count + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, count + more));
        }
    }

    /** Puts one byte; room for it was made by {@link #ensure}. */
    void put(byte b) {
        buf[count++] = b;
    }

    /** Counts {@code bytes} written directly into {@link #array()} from {@link #size()}. */
    void advance(int bytes) {
        count += bytes;
    }

    /** Forgets what was written after the first {@code size} bytes. */
    void cut(int size) {
        count = size;
    }

    /** Puts {@code value} in decimal, as {@link Long#toString(long)} writes it, without making a string of it. */
    LineBuffer decimal(long value) {
        if (value == Long.MIN_VALUE) {
            return ascii(Long.toString(value));
        }
        ensure(20);
        if (value < 0) {
            buf[count++] = '-';
            value = -value;
        }
        int digits = 1;
        for (long rest = value / 10; rest > 0; rest /= 10) {
            digits++;
        }
        for (int at = count + digits - 1; at >= count; at--) {
            buf[at] = (byte) ('0' + value % 10);
            value /= 10;
        }
        count += digits;
        return this;
    }

    /** Puts ASCII text, one byte per character. */
    LineBuffer ascii(String text) {
        ensure(text.length());
        for (int i = 0; i < text.length(); i++) {
            buf[count++] = (byte) text.charAt(i);
        }
        return this;
    }
}
