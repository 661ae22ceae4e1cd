package dev.dossier.domain.model;

import java.util.Comparator;
import java.util.Objects;

/** One aggregate's event stream: its type and its id. */
public record StreamId(AggregateType type, AggregateId id) implements Comparable<StreamId> {
    private static final Comparator<StreamId> ORDER =
            Comparator.comparing(StreamId::type).thenComparing(StreamId::id);

    public StreamId {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
    }

    public static StreamId of(String type, String id) {
        return new StreamId(new AggregateType(type), new AggregateId(id));
    }

    @Override
    public int compareTo(StreamId other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return type.value() + "/" + id.value();
    }
}
