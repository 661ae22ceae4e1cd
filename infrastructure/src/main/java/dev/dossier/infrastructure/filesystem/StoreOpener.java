package dev.dossier.infrastructure.filesystem;

import dev.dossier.domain.error.IncompatibleStoreException;
import dev.dossier.domain.error.StorageException;
import dev.dossier.domain.error.StoreUnavailableException;
import dev.dossier.infrastructure.common.EventRecorder;
import dev.dossier.infrastructure.common.StoreIndex;
import dev.dossier.infrastructure.json.PayloadCodec;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Opens a store directory: creates a new store in a missing or empty directory, refuses a directory that
 * is not a store or is of a newer format, then (holding the write lock) loads the index, cuts a torn
 * index tail, removes leftovers of interrupted writes and rebuilds stale registries.
 */
final class StoreOpener {
    private StoreOpener() {
    }

    static FileStoreParts open(FileStoreOptions options, CheckpointTiming timing) {
        Path root = options.root().toAbsolutePath().normalize();
        String location = root.toString();
        boolean posix = root.getFileSystem().supportedFileAttributeViews().contains("posix");
        var files = new DurableFiles(options.durability(), !options.sharedAccess(), posix);
        var layout = new StoreLayout(root);
        try {
            prepareDirectory(layout, files, options, location);
            var payloads = new PayloadCodec(options.eventTypes(), options.maxPayloadBytes());
            var codec = new EventFileCodec(payloads);
            var recovery = new StoreRecovery(layout);
            if (!Files.exists(layout.index(), LinkOption.NOFOLLOW_LINKS)) {
                PackIntent.finish(layout, files);
                files.writeAtomically(layout.index(), recovery.rebuildIndex(codec));
            }
            var lock = WriteLock.open(layout.lock(), files);
            IndexLog log = null;
            Journal journal = null;
            try {
                var channel = FileChannel.open(layout.index(), StandardOpenOption.READ, StandardOpenOption.WRITE);
                var cache = new IndexCache(layout, files, options.indexCacheEvents());
                Optional<IndexCache.Loaded> cached = cache.load(channel);
                var index = cached.map(IndexCache.Loaded::index).orElseGet(StoreIndex::new);
                String name = layout.relative(layout.index());
                log = cached.isEmpty() ? new IndexLog(channel, name, index)
                        : new IndexLog(channel, name, index, cached.get().indexBytes(), cached.get().checksum());
                journal = new Journal(layout.journal(), files);
                var registries = new MetadataRegistries(layout, files, options.eventTypes(), options.clock());
                var catalog = new RangeCatalog(layout);
                var applier = new JournalApplier(layout, files, log, journal, catalog);
                var parts = new FileStoreParts(options, layout, files, codec,
                        new EventRecorder(payloads, options.clock()), index, catalog, log, cache, journal, applier,
                        new Checkpointer(layout, files, journal, applier, log, options.checkpointInterval(),
                                options.inlineCheckpoints(), timing),
                        lock, registries, recovery);
                recover(parts);
                return parts;
            } catch (IOException | RuntimeException e) {
                closeQuietly(log);
                closeQuietly(journal);
                lock.close();
                throw e;
            }
        } catch (IOException e) {
            throw new StorageException("open the event store at " + location, e);
        }
    }

    private static void recover(FileStoreParts parts) throws IOException {
        try (WriteLock.Held held = parts.lock().acquire()) {
            JournalFiles.createIfMissing(parts.layout().journal(), parts.files(), 0);
            parts.log().catchUp(parts.files().syncs());
            List<JournalSegments.Sealed> sealed = JournalSegments.read(parts.layout(), parts.files());
            List<Journal.Record> committed = parts.journal().readCommitted();
            parts.journal().cutAfterCommitted();
            parts.recovery().removeMetadataTemporaries();
            PackIntent.finish(parts.layout(), parts.files());
            var all = new ArrayList<>(JournalSegments.recordsOf(sealed));
            all.addAll(committed);
            if (!all.isEmpty()) {
                parts.applier().redo(all);
                parts.applier().force(JournalSegments.recordsOf(sealed));
                for (JournalSegments.Sealed done : sealed) {
                    Files.deleteIfExists(done.path());
                }
                parts.applier().checkpoint();
            }
            parts.registries().settle(parts.index(), true);
            saveIndexCache(parts);
        }
    }

    /**
     * Writes the index cache when opening read many index lines that it did not hold, so that a host killed
     * before any clean close still opens quickly next time; a failure leaves the store as it is (the cache
     * is derived data) and is retried at close.
     */
    private static void saveIndexCache(FileStoreParts parts) {
        try {
            parts.indexCache().saveIfDue(parts.log());
        } catch (IOException | RuntimeException e) {
            // The store opened; without a cache the next open reads the index lines, as it did now.
        }
    }

    private static void prepareDirectory(StoreLayout layout, DurableFiles files, FileStoreOptions options,
                                         String location) throws IOException {
        Path root = layout.root();
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new IncompatibleStoreException(location, "it is a file, not a directory");
        }
        if (Files.exists(layout.marker(), LinkOption.NOFOLLOW_LINKS)) {
            if (FormatMarker.check(layout.marker(), location) < FormatMarker.FORMAT_VERSION) {
                files.writeAtomically(layout.marker(), FormatMarker.upgrade(layout.marker()));
                files.syncDirectory(layout.metadata());
            }
            return;
        }
        if (!Files.exists(root)) {
            createDurably(root, files);
        } else if (!looksEmpty(root)) {
            throw new IncompatibleStoreException(location, "the directory is not empty and has no "
                    + StoreLayout.METADATA + "/" + StoreLayout.FORMAT_MARKER
                    + "; choose an empty or new directory for a store (is the path mistyped?)");
        }
        initialize(layout, files, options, location);
    }

    /**
     * Creates the store directory and any missing parent, then forces every directory that gained an entry:
     * without that, a power cut could lose the whole store directory, acknowledged events included.
     */
    private static void createDurably(Path root, DurableFiles files) throws IOException {
        var changed = new LinkedHashSet<Path>();
        files.createDirectories(root.getRoot(), root, changed);
        for (Path directory : changed) {
            files.syncDirectory(directory);
        }
    }

    /** Empty, or holding only a {@code metadata} directory left by an interrupted initialization. */
    private static boolean looksEmpty(Path root) throws IOException {
        var names = new ArrayList<String>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            entries.forEach(p -> names.add(p.getFileName().toString()));
        }
        return names.isEmpty() || (names.size() == 1 && names.get(0).equals(StoreLayout.METADATA)
                && Files.isDirectory(root.resolve(StoreLayout.METADATA), LinkOption.NOFOLLOW_LINKS));
    }

    private static void initialize(StoreLayout layout, DurableFiles files, FileStoreOptions options,
                                   String location) throws IOException {
        var changed = new ArrayList<Path>();
        files.createDirectories(layout.root().getParent(), layout.metadata(), changed);
        files.openReadWrite(layout.index()).close();
        files.writeAtomically(layout.marker(), FormatMarker.create(options.clock().instant()));
        files.syncDirectory(layout.metadata());
        files.syncDirectory(layout.root());
        if (!Files.exists(layout.marker())) {
            throw new StoreUnavailableException("The store at " + location + " could not be initialized");
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            // The open already failed; that failure is the one to report.
        }
    }
}
