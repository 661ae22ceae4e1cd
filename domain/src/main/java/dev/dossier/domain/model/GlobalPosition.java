package dev.dossier.domain.model;

import dev.dossier.domain.error.InvalidInputException;

/**
 * An event's place in the store-wide order: 1 for the first event ever committed, then 2, 3, ... in
 * commit order, without gaps, stable across restarts and processes.
 */
public record GlobalPosition(long value) implements Comparable<GlobalPosition> {
    public static final GlobalPosition FIRST = new GlobalPosition(1);

    public GlobalPosition {
        if (value < 1) {
            throw new InvalidInputException("global position", "must be 1 or more, was " + value);
        }
    }

    public static GlobalPosition of(long value) {
        return new GlobalPosition(value);
    }

    public GlobalPosition next() {
        return new GlobalPosition(value + 1);
    }

    @Override
    public int compareTo(GlobalPosition other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
