package dev.dossier.domain.model;

/**
 * The kind of an aggregate, e.g. {@code order}; the first directory level of a store.
 * Non-empty, at most 200 characters, no control characters.
 *
 * @throws dev.dossier.domain.error.InvalidInputException from the constructor when the name breaks a rule
 */
public record AggregateType(String value) implements Comparable<AggregateType> {
    public AggregateType {
        Names.check("aggregate type", value);
    }

    public static AggregateType of(String value) {
        return new AggregateType(value);
    }

    @Override
    public int compareTo(AggregateType other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
