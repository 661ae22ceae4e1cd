package dev.dossier.application.aggregate;

import dev.dossier.domain.error.InvalidInputException;
import java.util.Objects;
import java.util.function.Function;

/**
 * When and how an aggregate type is snapshotted: every {@code interval} events, stored as an object of a
 * declared class at a declared schema version. Raise the schema version whenever that class changes
 * shape: older snapshots are then ignored and the aggregates rebuilt from their events.
 *
 * @param <S> the aggregate's state type
 */
public final class SnapshotPolicy<S> {
    private final int interval;
    private final int schemaVersion;
    private final Class<?> storedClass;
    private final Function<S, ?> toStored;
    private final Function<Object, S> fromStored;

    private SnapshotPolicy(int interval, int schemaVersion, Class<?> storedClass, Function<S, ?> toStored,
                           Function<Object, S> fromStored) {
        if (interval < 1) {
            throw new InvalidInputException("snapshot interval", "must be 1 or more events, was " + interval);
        }
        if (schemaVersion < 1) {
            throw new InvalidInputException("snapshot schema version", "must be 1 or more, was " + schemaVersion);
        }
        this.interval = interval;
        this.schemaVersion = schemaVersion;
        this.storedClass = Objects.requireNonNull(storedClass, "storedClass");
        this.toStored = Objects.requireNonNull(toStored, "toStored");
        this.fromStored = Objects.requireNonNull(fromStored, "fromStored");
    }

    /** Snapshots the state itself (an immutable record or POJO of {@code stateClass}). */
    public static <S> SnapshotPolicy<S> every(int interval, Class<S> stateClass, int schemaVersion) {
        return new SnapshotPolicy<>(interval, schemaVersion, stateClass, s -> s, stateClass::cast);
    }

    /**
     * Snapshots a memento of the state: {@code toMemento} runs on the caller's thread when the snapshot is
     * due (so a mutable state can be copied safely), {@code fromMemento} when a snapshot is loaded.
     */
    public static <S, M> SnapshotPolicy<S> every(int interval, int schemaVersion, Class<M> mementoClass,
                                                 Function<S, M> toMemento, Function<M, S> fromMemento) {
        return new SnapshotPolicy<>(interval, schemaVersion, mementoClass, toMemento,
                stored -> fromMemento.apply(mementoClass.cast(stored)));
    }

    public int interval() {
        return interval;
    }

    public int schemaVersion() {
        return schemaVersion;
    }

    /** The class the snapshot store binds a stored state to. */
    public Class<?> storedClass() {
        return storedClass;
    }

    /** Whether a save that moved the version from {@code before} to {@code after} crossed an interval. */
    public boolean isDue(long before, long after) {
        return after / interval > before / interval;
    }

    Object toStored(S state) {
        return toStored.apply(state);
    }

    S fromStored(Object stored) {
        return fromStored.apply(stored);
    }
}
