package dev.dossier.application.aggregate;

import dev.dossier.application.replay.PointInTime;
import dev.dossier.application.replay.Rebuilt;
import dev.dossier.application.replay.StateRebuilder;
import dev.dossier.domain.model.AppendResult;
import dev.dossier.domain.model.EventTypeRegistry;
import dev.dossier.domain.model.ExpectedVersion;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.domain.model.Snapshot;
import dev.dossier.domain.model.StreamId;
import dev.dossier.domain.model.Version;
import dev.dossier.domain.port.EventStorePort;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import lombok.Builder;

/**
 * Loads aggregates from their events (or from a snapshot and the events after it), saves their new events
 * with optimistic concurrency, and takes snapshots every N events per aggregate type. Thread-safe; each
 * loaded {@link Aggregate} belongs to one thread. {@link #close()} stops the snapshot writer (not the
 * event or snapshot store, which the host owns).
 */
public final class AggregateRepository implements AutoCloseable {
    private final EventStorePort events;
    private final NewEvents newEvents;
    private final Optional<SnapshotWriter> snapshots;
    private final Optional<SnapshotReader> reader;
    private final Clock clock;

    /**
     * @param events    the event store
     * @param types     the registry the store was opened with: a new event's type is the name registered
     *                  for its payload class
     * @param snapshots where snapshots are read and written; none when absent (snapshot policies are then
     *                  ignored)
     * @param clock     the clock for snapshot timestamps; the system clock when absent
     */
    @Builder
    private AggregateRepository(EventStorePort events, EventTypeRegistry types, SnapshotWriter snapshots, Clock clock) {
        this.events = Objects.requireNonNull(events, "events");
        this.newEvents = new NewEvents(types == null ? EventTypeRegistry.empty() : types);
        this.snapshots = Optional.ofNullable(snapshots);
        this.reader = this.snapshots.map(writer -> new SnapshotReader(events, writer.store()));
        this.clock = clock == null ? Clock.systemUTC() : clock;
    }

    /** The aggregate {@code id} with every event applied; a new aggregate at version 0 when it has none. */
    public <S> Aggregate<S> load(AggregateDefinition<S> definition, String id) {
        StreamId stream = definition.streamOf(id);
        SnapshotReader.Loaded<S> loaded = rebuild(definition, stream, PointInTime.latest());
        snapshotAfterLoad(definition, stream, loaded);
        return new Aggregate<>(definition, stream, loaded.rebuilt().state(), loaded.rebuilt().version());
    }

    /** The aggregate's state as it was after the event at {@code version} (time travel; read-only). */
    public <S> Rebuilt<S> stateAt(AggregateDefinition<S> definition, String id, Version version) {
        return rebuild(definition, definition.streamOf(id), PointInTime.atVersion(version)).rebuilt();
    }

    /** The aggregate's state as it was at {@code instant}: every event recorded at or before it. */
    public <S> Rebuilt<S> stateAsOf(AggregateDefinition<S> definition, String id, Instant instant) {
        return rebuild(definition, definition.streamOf(id), PointInTime.asOf(instant)).rebuilt();
    }

    /** Whether the aggregate has at least one recorded event. */
    public boolean exists(AggregateDefinition<?> definition, String id) {
        return events.exists(definition.streamOf(id));
    }

    /** Saves with no correlation or causation id; see {@link #save(Aggregate, EventContext)}. */
    public <S> List<RecordedEvent> save(Aggregate<S> aggregate) {
        return save(aggregate, EventContext.NONE);
    }

    /**
     * Appends the aggregate's uncommitted events as one atomic batch, expecting the stream to still be at
     * the loaded version; afterwards the aggregate is at the new version with nothing uncommitted.
     *
     * @return the recorded events; empty when there was nothing to save
     * @throws dev.dossier.domain.error.ConcurrencyConflictException when another writer appended since the
     *         load (nothing is written; reload and re-run the command, e.g. with {@link ConflictRetry})
     * @throws dev.dossier.domain.error.InvalidInputException when an event's class is not registered
     */
    public <S> List<RecordedEvent> save(Aggregate<S> aggregate, EventContext context) {
        List<Object> pending = aggregate.uncommitted();
        if (pending.isEmpty()) {
            return List.of();
        }
        Version before = aggregate.loadedVersion();
        AppendResult result = events.append(aggregate.stream(), ExpectedVersion.exactly(before),
                newEvents.toNewEvents(pending, context));
        aggregate.markCommitted(result.newVersion());
        aggregate.definition().snapshots().ifPresent(policy -> {
            if (policy.isDue(before.value(), result.newVersion().value())) {
                snapshot(policy, aggregate.stream(), aggregate.state(), result.events().get(result.events().size() - 1));
            }
        });
        return result.events();
    }

    private <S> SnapshotReader.Loaded<S> rebuild(AggregateDefinition<S> definition, StreamId stream,
                                                 PointInTime horizon) {
        if (reader.isPresent() && definition.snapshots().isPresent()) {
            var fromSnapshot = reader.get().load(definition, definition.snapshots().get(), stream, horizon);
            if (fromSnapshot.isPresent()) {
                return fromSnapshot.get();
            }
        }
        List<RecordedEvent> all = events.readStream(stream);
        var fold = definition.fold();
        Rebuilt<S> rebuilt = StateRebuilder.foldWhile(new Rebuilt<>(fold.initial(), Version.NONE), all, fold,
                horizon::includes);
        int count = (int) rebuilt.version().value();
        return new SnapshotReader.Loaded<>(rebuilt, count == 0 ? Optional.empty() : Optional.of(all.get(count - 1)),
                count);
    }

    /** A load that replayed a whole interval of events or more takes a snapshot of what it rebuilt. */
    private <S> void snapshotAfterLoad(AggregateDefinition<S> definition, StreamId stream,
                                       SnapshotReader.Loaded<S> loaded) {
        definition.snapshots().ifPresent(policy -> loaded.lastEvent().ifPresent(last -> {
            if (loaded.replayed() >= policy.interval()) {
                snapshot(policy, stream, loaded.rebuilt().state(), last);
            }
        }));
    }

    private <S> void snapshot(SnapshotPolicy<S> policy, StreamId stream, S state, RecordedEvent last) {
        if (snapshots.isEmpty()) {
            return;
        }
        Object stored;
        try {
            stored = policy.toStored(state);
        } catch (RuntimeException e) {
            return;
        }
        snapshots.get().submit(new Snapshot(stream, last.version(), last.eventId(), policy.schemaVersion(),
                clock.instant(), stored));
    }

    /** Stops the snapshot writer after the snapshots already queued; the stores stay open. */
    @Override
    public void close() {
        snapshots.ifPresent(SnapshotWriter::close);
    }
}
