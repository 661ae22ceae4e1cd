package dev.dossier.domain.model;

/**
 * The identity of one aggregate within its type; any printable Unicode text.
 * Non-empty, at most 200 characters, no control characters.
 *
 * @throws dev.dossier.domain.error.InvalidInputException from the constructor when the name breaks a rule
 */
public record AggregateId(String value) implements Comparable<AggregateId> {
    public AggregateId {
        Names.check("aggregate id", value);
    }

    public static AggregateId of(String value) {
        return new AggregateId(value);
    }

    @Override
    public int compareTo(AggregateId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
