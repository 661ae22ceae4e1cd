package dev.dossier.application.aggregate;

import dev.dossier.domain.model.StreamId;
import dev.dossier.domain.model.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One aggregate loaded for a unit of work: its current state, the version it was loaded at and the
 * events applied since, which {@link AggregateRepository#save} appends with the loaded version as the
 * expected version. Applying an event moves the state and the version at once. Not thread-safe: use an
 * instance on one thread, then drop it or keep using it after a save.
 *
 * @param <S> the state: a plain record folded by the definition, or an {@link AggregateRoot}
 */
public final class Aggregate<S> {
    private final AggregateDefinition<S> definition;
    private final StreamId stream;
    private final List<Object> uncommitted = new ArrayList<>();
    private S state;
    private Version loadedVersion;

    Aggregate(AggregateDefinition<S> definition, StreamId stream, S state, Version loadedVersion) {
        this.definition = Objects.requireNonNull(definition, "definition");
        this.stream = Objects.requireNonNull(stream, "stream");
        this.state = Objects.requireNonNull(state, "the fold's state must not be null");
        this.loadedVersion = Objects.requireNonNull(loadedVersion, "loadedVersion");
        if (state instanceof AggregateRoot root) {
            root.attach(this);
        }
    }

    /**
     * Applies a new event: the definition's fold moves the state, the event is kept as uncommitted and the
     * version moves by one. Check the command's invariants against {@link #state()} before applying.
     *
     * @return this aggregate, to chain several events
     */
    public Aggregate<S> apply(Object event) {
        Objects.requireNonNull(event, "event");
        state = Objects.requireNonNull(definition.fold().evolve(state, event), "the fold returned a null state");
        uncommitted.add(event);
        return this;
    }

    public StreamId stream() {
        return stream;
    }

    public AggregateDefinition<S> definition() {
        return definition;
    }

    /** The state after every recorded and uncommitted event. */
    public S state() {
        return state;
    }

    /** The version including the uncommitted events. */
    public Version version() {
        return loadedVersion.plus(uncommitted.size());
    }

    /** The version as last loaded or saved: what the next save expects the stream to be at. */
    public Version loadedVersion() {
        return loadedVersion;
    }

    /** Whether the aggregate has no event at all, recorded or uncommitted. */
    public boolean isNew() {
        return version().isNone();
    }

    /** The events applied since the load or the last save, in order. */
    public List<Object> uncommitted() {
        return List.copyOf(uncommitted);
    }

    void markCommitted(Version newVersion) {
        uncommitted.clear();
        loadedVersion = newVersion;
    }
}
