package dev.dossier.infrastructure.filesystem;

import dev.dossier.domain.error.CorruptDataException;
import dev.dossier.domain.error.StorageException;
import dev.dossier.domain.model.AppendResult;
import dev.dossier.domain.model.EventType;
import dev.dossier.domain.model.ExpectedVersion;
import dev.dossier.domain.model.NewEvent;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.domain.model.StoreHealth;
import dev.dossier.domain.model.StreamId;
import dev.dossier.infrastructure.common.EventUpcaster;
import dev.dossier.infrastructure.common.IndexEntry;
import dev.dossier.infrastructure.common.IndexedEventStore;
import dev.dossier.infrastructure.schema.SchemaCheck;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The event store on disk, format v2 ({@code docs/format.md}): every event is a JSON file under
 * {@code <aggregate-type>/<aggregate-id>/}, or a line of a JSON Lines range file there (a batch of ten or
 * more, or a pack of older events), and {@code metadata/event-index.jsonl} is the commit log that orders
 * them. Thread-safe; several processes may open the same directory and append concurrently. Starts no
 * thread when it opens; appends start the checkpoint threads ({@code dossier-checkpointer}, {@code
 * dossier-metadata}) when first needed, a read of more than 512 events starts a helper ({@code
 * dossier-reader}, see {@link ReadHelper}), and registering a commit listener ({@link #onCommit(Runnable)})
 * starts a watcher; {@link #close()} stops them all and waits for their threads to end.
 */
public final class FileSystemEventStore extends IndexedEventStore {
    private final FileStoreParts parts;
    private final CommitWriter writer;
    private final IndexWatcher watcher;
    private final EventReader reader;
    private final ReadHelper helper = new ReadHelper();
    /** How payloads are read for {@link #loadAll}: upcast on the fly, or parsed into a tree for the upcaster. */
    private final PayloadReading upcasting;

    private FileSystemEventStore(FileStoreParts parts) {
        super(parts.index(), new EventUpcaster(parts.options().schemas(), parts.recorder().codec()));
        this.parts = parts;
        this.writer = new CommitWriter(parts);
        this.watcher = new IndexWatcher(parts.layout().index());
        this.reader = new EventReader(parts.layout(), parts.codec(), parts.catalog(),
                new FileCache(parts.options().readCacheBytes()), helper);
        this.upcasting = new PayloadReading.Upcasting(upcaster());
    }

    /**
     * Opens the store at {@code options.root()}, creating it when the directory is missing or empty.
     *
     * @throws dev.dossier.domain.error.IncompatibleStoreException when the directory is not empty and not a
     *         store, or is a store of a newer format version
     * @throws StorageException when the directory cannot be read or written
     * @throws dev.dossier.domain.error.SchemaEvolutionException when stored events of some type and schema
     *         version cannot reach the registered version through {@code options.schemas()} (the store is
     *         closed again)
     */
    public static FileSystemEventStore open(FileStoreOptions options) {
        return open(options, CheckpointTiming.DEFAULT);
    }

    /** Like {@link #open(FileStoreOptions)}, with checkpoints due as {@code timing} says (for tests). */
    static FileSystemEventStore open(FileStoreOptions options, CheckpointTiming timing) {
        var store = new FileSystemEventStore(StoreOpener.open(options, timing));
        try {
            new SchemaCheck(options.schemas(), options.eventTypes()).check(store.parts.index().schemaVersionCounts());
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        return store;
    }

    /** Opens the store at {@code root} with default options. */
    public static FileSystemEventStore open(Path root) {
        return open(FileStoreOptions.at(root));
    }

    /** The store's directory. */
    public Path root() {
        return parts.layout().root();
    }

    @Override
    public AppendResult append(StreamId stream, ExpectedVersion expected, List<NewEvent> events) {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(expected, "expected");
        checkOpen();
        parts.layout().aggregateDirectory(stream);
        var request = new AppendRequest(stream, expected, parts.recorder().encode(stream, events));
        request.events.forEach(e -> NameCodec.encodeEventType(e.event().eventType().value()));
        AppendResult result = writer.submit(request);
        commits.fire();
        return result;
    }

    /**
     * Packs the older events of every aggregate into range files (JSON Lines, one per run of versions;
     * {@code docs/format.md}): all but the most recent {@code packKeep} events of each aggregate, except
     * events a journal still protects. Atomic per range file: a crash leaves either the old files or the
     * pack, and the next open finishes an interrupted pack. Readers see the same events throughout.
     *
     * @throws StorageException when files cannot be read or written (what was packed before stays packed)
     * @throws dev.dossier.domain.error.CorruptDataException when an event to pack is damaged (nothing of
     *         its aggregate is packed)
     */
    public PackReport pack() {
        checkOpen();
        return writer.pack();
    }

    /**
     * Listeners are called after this object's appends and, through a watcher of {@code metadata/}
     * (file-system notifications with a polling fallback, one daemon thread started by the first
     * registration and stopped by {@link #close()}), after commits by other processes or store objects.
     */
    @Override
    public Registration onCommit(Runnable listener) {
        checkOpen();
        Registration local = commits.onCommit(listener);
        Registration watched = watcher.onCommit(listener);
        return () -> {
            local.close();
            watched.close();
        };
    }

    @Override
    protected void refresh() {
        try {
            parts.log().refresh();
        } catch (IOException e) {
            throw new StorageException("read the index " + parts.layout().index(), e);
        }
    }

    @Override
    protected List<RecordedEvent> load(List<IndexEntry> entries) {
        return reader.load(entries, PayloadReading.AS_STORED).stream().map(EventFileCodec.Decoded::event).toList();
    }

    /** Like the default, parsing the payload of an event that will be upcast in the same pass as its envelope. */
    @Override
    protected List<RecordedEvent> loadAll(List<IndexEntry> entries) {
        var events = new ArrayList<RecordedEvent>(entries.size());
        for (EventFileCodec.Decoded decoded : reader.load(entries, upcasting)) {
            if (decoded.dataTree() != null) {
                events.addAll(upcaster().upcast(decoded.event(), decoded.dataTree()));
            } else if (upcaster().passesThrough(decoded.event())) {
                events.add(decoded.event());
            } else {
                events.addAll(upcaster().upcast(decoded.event()));
            }
        }
        return events;
    }

    @Override
    protected String location() {
        return parts.layout().root().toString();
    }

    @Override
    public StoreHealth health() {
        long events = parts.index().lastPosition();
        if (isClosed()) {
            return new StoreHealth(StoreHealth.Status.CLOSED, location(), events, "closed");
        }
        return writer.readOnlyReason()
                .map(reason -> new StoreHealth(StoreHealth.Status.READ_ONLY, location(), events, reason))
                .orElseGet(() -> new StoreHealth(StoreHealth.Status.UP, location(), events,
                        "serving reads and writes (" + parts.options().durability() + ")"));
    }

    /**
     * Checkpoints when the journal holds anything (so the next open has nothing to redo), rewrites the
     * metadata registries when they do not describe the whole index, writes the index cache when at least
     * {@link FileStoreOptions#indexCacheEvents()} events are missing from it, then releases files and the
     * lock and ends the reader thread ({@link ReadHelper}). A store that was only read writes nothing but
     * that cache (which opening writes too, on the same condition). Idempotent.
     */
    @Override
    public void close() {
        if (!markClosed()) {
            return;
        }
        watcher.close();
        try {
            writer.stopPacking();
            if (writer.readOnlyReason().isEmpty()) {
                writer.exclusively(() -> {
                    parts.checkpointer().drain(true);
                    writer.settlePacking();
                    if (parts.journal().size() > 0) {
                        parts.applier().checkpoint();
                    }
                    parts.registries().settle(parts.index(), false);
                    parts.indexCache().saveIfDue(parts.log());
                });
            }
        } catch (RuntimeException e) {
            // The registries are derived data; the next open rebuilds them when they are stale.
        } finally {
            parts.checkpointer().close();
            try {
                parts.log().close();
                parts.journal().close();
            } catch (IOException e) {
                // Nothing is lost: every commit was forced before it was acknowledged.
            }
            try {
                parts.lock().close();
            } finally {
                helper.close();
            }
        }
    }
}
