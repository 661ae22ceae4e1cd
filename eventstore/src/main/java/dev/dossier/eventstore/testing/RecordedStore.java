package dev.dossier.eventstore.testing;

import dev.dossier.application.replay.EventFeed;
import dev.dossier.application.replay.EventFold;
import dev.dossier.application.replay.Replay;
import dev.dossier.application.replay.ReplayHandler;
import dev.dossier.application.replay.StateRebuilder;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.domain.model.StreamId;
import dev.dossier.domain.port.EventStorePort;
import dev.dossier.eventstore.replay.RecordingManifest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A fresh, writable store for one test, loaded with a recording or a set of events, and the ways a test
 * replays it into the code under test. {@link #close()} closes the store and deletes its temporary
 * directory; the extension does that after the test. Open one with {@link TestStores} when not using the
 * extension. Thread-safe as far as its store is; one test owns it.
 */
public final class RecordedStore implements AutoCloseable {
    private final EventStorePort store;
    private final StoreKind kind;
    private final Optional<RecordingManifest> manifest;
    private final Optional<Path> directory;
    private final AtomicBoolean closed = new AtomicBoolean();

    RecordedStore(EventStorePort store, StoreKind kind, Optional<RecordingManifest> manifest, Optional<Path> directory) {
        this.store = Objects.requireNonNull(store, "store");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.manifest = manifest;
        this.directory = directory;
    }

    /** The store, open for reads and appends until the test ends. */
    public EventStorePort store() {
        return store;
    }

    public StoreKind kind() {
        return kind;
    }

    /** The manifest of the recording the store was loaded from; empty for events or a plain store. */
    public Optional<RecordingManifest> manifest() {
        return manifest;
    }

    /** The filesystem store's temporary directory (deleted on close); empty in memory. */
    public Optional<Path> directory() {
        return directory;
    }

    /** Every event in global order. */
    public List<RecordedEvent> events() {
        var events = new ArrayList<RecordedEvent>();
        EventFeed.of(store).forEach(events::add);
        return events;
    }

    /** A replay of the store into {@code handlers}, to be driven step by step or all at once. */
    public Replay replay(ReplayHandler... handlers) {
        return Replay.of(store, handlers);
    }

    /** Replays every event into {@code handlers} in global order; returns how many. */
    public long replayAll(ReplayHandler... handlers) {
        return replay(handlers).runAll();
    }

    /** The state of one aggregate, folded from all its events. */
    public <S> S stateOf(StreamId stream, EventFold<S> fold) {
        return new StateRebuilder(store).rebuild(stream, fold).state();
    }

    /** Closes the store and deletes its temporary directory; a second call does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            store.close();
        } finally {
            // the store directory sits alone in the scratch directory TestStores created for it
            directory.ifPresent(dir -> ScratchDirectory.delete(dir.getParent()));
        }
    }
}
