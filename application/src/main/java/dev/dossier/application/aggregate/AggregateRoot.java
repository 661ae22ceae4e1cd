package dev.dossier.application.aggregate;

import dev.dossier.domain.model.Version;
import java.util.function.Supplier;

/**
 * An optional base type for hosts that prefer an object with command methods over a record and a fold.
 * The subclass keeps its own fields, changes them only in {@link #when(Object)}, and calls
 * {@link #raise(Object)} from its command methods after checking its invariants. Its
 * {@link #fold(Supplier)} is what its {@link AggregateDefinition} uses.
 */
public abstract class AggregateRoot {
    private Aggregate<?> aggregate;

    /** Changes this object's fields for {@code event}; called on load (replay) and by {@link #raise}. */
    protected abstract void when(Object event);

    /**
     * Records a new event: applies it through {@link #when(Object)} and keeps it for the next save.
     *
     * @throws IllegalStateException when this object was not loaded through a repository
     */
    protected final void raise(Object event) {
        if (aggregate == null) {
            throw new IllegalStateException(getClass().getSimpleName()
                    + " was not loaded through an AggregateRepository, so it cannot raise events");
        }
        aggregate.apply(event);
    }

    /** The version including raised events; {@link Version#NONE} before loading. */
    public final Version version() {
        return aggregate == null ? Version.NONE : aggregate.version();
    }

    final void attach(Aggregate<?> owner) {
        if (aggregate != null && aggregate != owner) {
            throw new IllegalStateException("an aggregate root belongs to one loaded aggregate only");
        }
        aggregate = owner;
    }

    /** The fold for roots made by {@code factory}: a new root per load, then {@link #when} per event. */
    public static <R extends AggregateRoot> AggregateFold<R> fold(Supplier<R> factory) {
        return AggregateFold.of(factory, (root, event) -> {
            root.when(event);
            return root;
        });
    }
}
