package dev.dossier.domain.model;

/**
 * The name of an event type, e.g. {@code OrderPlaced}; part of each event's file name.
 * Non-empty, at most 200 characters, no control characters.
 *
 * @throws dev.dossier.domain.error.InvalidInputException from the constructor when the name breaks a rule
 */
public record EventType(String value) implements Comparable<EventType> {
    public EventType {
        Names.check("event type", value);
    }

    public static EventType of(String value) {
        return new EventType(value);
    }

    @Override
    public int compareTo(EventType other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
