package dev.dossier.infrastructure.common;

import dev.dossier.domain.error.InvalidInputException;
import dev.dossier.domain.error.StoreUnavailableException;
import dev.dossier.domain.model.AggregateSummary;
import dev.dossier.domain.model.AggregateType;
import dev.dossier.domain.model.AggregateTypeSummary;
import dev.dossier.domain.model.EventType;
import dev.dossier.domain.model.GlobalPosition;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.domain.model.StorageStatistics;
import dev.dossier.domain.model.StreamId;
import dev.dossier.domain.model.Version;
import dev.dossier.domain.port.CommitNotifications;
import dev.dossier.domain.port.EventStorePort;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The read side both adapters share: every query is answered from the {@link StoreIndex}, and only the
 * events it selects are loaded, then upcast to the current schema ({@link EventUpcaster}). Subclasses say
 * how to bring the index up to date and load one stored event.
 * Listeners registered with {@link #onCommit(Runnable)} are called after each append of this store object.
 */
public abstract class IndexedEventStore implements EventStorePort, CommitNotifications {
    protected final StoreIndex index;
    private final EventUpcaster upcaster;
    protected final CommitSignal commits = new CommitSignal();
    private volatile boolean closed;

    /** A store whose events are upcast on read by {@code upcaster}. */
    protected IndexedEventStore(StoreIndex index, EventUpcaster upcaster) {
        this.index = index;
        this.upcaster = upcaster;
    }

    /** The upcasting applied to every event read. */
    protected final EventUpcaster upcaster() {
        return upcaster;
    }

    /** Brings the index up to date with commits made elsewhere (another process); a no-op by default. */
    protected void refresh() {
    }

    /** The recorded events the index entries point to, in their order. */
    protected abstract List<RecordedEvent> load(List<IndexEntry> entries);

    protected final void checkOpen() {
        if (closed) {
            throw new StoreUnavailableException("The event store " + location() + " is closed; open it again.");
        }
    }

    protected final boolean markClosed() {
        boolean wasOpen = !closed;
        closed = true;
        return wasOpen;
    }

    protected final boolean isClosed() {
        return closed;
    }

    @Override
    public Registration onCommit(Runnable listener) {
        return commits.onCommit(listener);
    }

    /** Where the store lives, for messages. */
    protected abstract String location();

    @Override
    public List<RecordedEvent> readStream(StreamId stream, Version fromVersion) {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(fromVersion, "fromVersion");
        checkOpen();
        refresh();
        return loadAll(index.stream(stream, fromVersion.value()));
    }

    @Override
    public Version currentVersion(StreamId stream) {
        checkOpen();
        refresh();
        return Version.of(index.versionOf(stream));
    }

    @Override
    public List<RecordedEvent> readAll(GlobalPosition from, int limit) {
        checkLimit(limit);
        checkOpen();
        refresh();
        return loadAll(index.from(from.value(), limit));
    }

    @Override
    public long lastPosition() {
        checkOpen();
        refresh();
        return index.lastPosition();
    }

    @Override
    public List<RecordedEvent> readByEventType(EventType type, GlobalPosition from, int limit) {
        checkLimit(limit);
        checkOpen();
        refresh();
        return loadAll(index.ofType(type, from.value(), limit));
    }

    @Override
    public List<RecordedEvent> readByTime(Instant since, Instant until, int limit) {
        checkLimit(limit);
        checkOpen();
        refresh();
        return loadAll(index.between(since, until, limit));
    }

    @Override
    public long countEvents() {
        return lastPosition();
    }

    @Override
    public List<AggregateTypeSummary> aggregateTypes() {
        checkOpen();
        refresh();
        return index.aggregateTypes();
    }

    @Override
    public List<AggregateSummary> aggregates(AggregateType type) {
        checkOpen();
        refresh();
        return index.aggregates(type);
    }

    @Override
    public StorageStatistics statistics() {
        checkOpen();
        refresh();
        return index.statistics();
    }

    /**
     * What readers get for the events {@code entries} point to: each stored event, or what
     * {@link #upcaster()} makes of it. An adapter that can parse payloads while loading overrides it to hand
     * those trees to {@link EventUpcaster#upcast(RecordedEvent, com.fasterxml.jackson.databind.JsonNode)}.
     */
    protected List<RecordedEvent> loadAll(List<IndexEntry> entries) {
        var events = new ArrayList<RecordedEvent>(entries.size());
        for (RecordedEvent stored : load(entries)) {
            if (upcaster.passesThrough(stored)) {
                events.add(stored);
            } else {
                events.addAll(upcaster.upcast(stored));
            }
        }
        return events;
    }

    private static void checkLimit(int limit) {
        if (limit < 1) {
            throw new InvalidInputException("limit", "must be 1 or more, was " + limit);
        }
    }
}
