package dev.dossier.infrastructure.common;

import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * A growing list of global positions in increasing order (one stream's or one event type's entries), kept as
 * plain ints: four bytes an entry where a list of entries held an object each. Not thread-safe: the index's
 * lock guards it.
 */
final class PositionList {
    /** The most positions a list holds (the largest array the JVM allocates). */
    private static final int MAX_SIZE = Integer.MAX_VALUE - 8;
    private int[] positions;
    private int size;

    /** An empty list with room for {@code capacity} positions before it grows. */
    PositionList(int capacity) {
        positions = new int[Math.max(capacity, 2)];
    }

    /** Adds {@code position}, which follows every position already in the list. */
    void add(int position) {
        if (size == positions.length) {
            positions = Arrays.copyOf(positions, (int) Math.min(MAX_SIZE, size + Math.max(size >> 1, 2L)));
        }
        positions[size++] = position;
    }

    /** The position at {@code index} (from 0), which must be below {@link #size()}. */
    int get(int index) {
        return positions[index];
    }

    int size() {
        return size;
    }

    /** The index of the first position satisfying {@code test} ({@link #size()} when none does); test must be monotonic. */
    int firstIndex(IntPredicate test) {
        int low = 0;
        int high = size;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (test.test(positions[mid])) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }
}
