package dev.dossier.infrastructure.filesystem;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Values made from names as they appear in a line's bytes (a stream's type and id, an event type), found
 * again by those bytes without decoding them: an index of a million lines names a few thousand streams.
 * Keys are copies, so callers may reuse their buffers. Not thread-safe.
 *
 * @param <T> the value made from a name
 */
final class NameBytes<T> {
    private static final byte[] NONE = new byte[0];
    private final Map<Key, T> values = new HashMap<>();
    private final Key probe = new Key();

    /** The value kept for the bytes {@code from} to {@code to} of {@code bytes}, or null. */
    T get(byte[] bytes, int from, int to) {
        probe.set(bytes, from, to);
        try {
            return values.get(probe);
        } finally {
            probe.set(NONE, 0, 0);
        }
    }

    /** Keeps {@code value} for the bytes {@code from} to {@code to} of {@code bytes} (copied). */
    void put(byte[] bytes, int from, int to, T value) {
        Key key = new Key();
        key.set(Arrays.copyOfRange(bytes, from, to), 0, to - from);
        values.put(key, value);
    }

    /** A range of bytes compared by content; the probe's range changes, a kept key's never does. */
    private static final class Key {
        private byte[] bytes;
        private int from;
        private int to;
        private int hash;

        void set(byte[] bytes, int from, int to) {
            this.bytes = bytes;
            this.from = from;
            this.to = to;
            int h = 1;
            for (int i = from; i < to; i++) {
                h = 31 * h + bytes[i];
            }
            this.hash = h;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.hash == hash
                    && Arrays.equals(bytes, from, to, key.bytes, key.from, key.to);
        }
    }
}
