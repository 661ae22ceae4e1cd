package dev.dossier.domain.model;

import dev.dossier.domain.error.InvalidInputException;

/**
 * An aggregate's version: the number of events in its stream. {@link #NONE} (0) means the stream has no
 * event; its first event has version 1, and versions are gapless.
 */
public record Version(long value) implements Comparable<Version> {
    public static final Version NONE = new Version(0);

    public Version {
        if (value < 0) {
            throw new InvalidInputException("version", "must be 0 or more, was " + value);
        }
    }

    public static Version of(long value) {
        return new Version(value);
    }

    public Version next() {
        return plus(1);
    }

    public Version plus(long count) {
        return new Version(Math.addExact(value, count));
    }

    public boolean isNone() {
        return value == 0;
    }

    @Override
    public int compareTo(Version other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
