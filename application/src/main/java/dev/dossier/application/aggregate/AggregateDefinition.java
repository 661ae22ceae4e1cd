package dev.dossier.application.aggregate;

import dev.dossier.domain.model.AggregateId;
import dev.dossier.domain.model.AggregateType;
import dev.dossier.domain.model.StreamId;
import java.util.Objects;
import java.util.Optional;

/**
 * One aggregate type as the repository knows it: its name, how its state is folded from events and,
 * optionally, how it is snapshotted. Define one constant per aggregate type.
 */
public record AggregateDefinition<S>(AggregateType type, AggregateFold<S> fold, Optional<SnapshotPolicy<S>> snapshots) {
    public AggregateDefinition {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(fold, "fold");
        snapshots = snapshots == null ? Optional.empty() : snapshots;
    }

    /** A definition without snapshots. */
    public static <S> AggregateDefinition<S> of(String type, AggregateFold<S> fold) {
        return new AggregateDefinition<>(AggregateType.of(type), fold, Optional.empty());
    }

    /** The same definition, snapshotted by {@code policy}. */
    public AggregateDefinition<S> withSnapshots(SnapshotPolicy<S> policy) {
        return new AggregateDefinition<>(type, fold, Optional.of(policy));
    }

    /** The same definition, never snapshotted. */
    public AggregateDefinition<S> withoutSnapshots() {
        return new AggregateDefinition<>(type, fold, Optional.empty());
    }

    /** The stream of the aggregate {@code id} of this type. */
    public StreamId streamOf(String id) {
        return new StreamId(type, AggregateId.of(id));
    }
}
