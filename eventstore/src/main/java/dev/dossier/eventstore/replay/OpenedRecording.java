package dev.dossier.eventstore.replay;

import dev.dossier.domain.error.IncompatibleStoreException;
import dev.dossier.domain.error.StorageException;
import dev.dossier.domain.port.EventStorePort;
import dev.dossier.infrastructure.filesystem.Durability;
import dev.dossier.infrastructure.filesystem.FileStoreOptions;
import dev.dossier.infrastructure.filesystem.FileSystemEventStore;
import dev.dossier.infrastructure.filesystem.StoreDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A store or recording opened for reading, from a private copy: a zip is unpacked, and a directory is
 * copied, into a temporary directory that {@link #close()} deletes. Opening a store may tidy its metadata
 * (registries, journal), so the source is never opened itself: it stays byte-for-byte as it was. Copy a
 * store at rest (no process appending), or a recording.
 */
public final class OpenedRecording implements AutoCloseable {
    private final EventStorePort store;
    private final Optional<RecordingManifest> manifest;
    private final Optional<Path> temporary;

    private OpenedRecording(EventStorePort store, Optional<RecordingManifest> manifest, Optional<Path> temporary) {
        this.store = store;
        this.manifest = manifest;
        this.temporary = temporary;
    }

    /**
     * Opens {@code path}: a store directory (a recording or any store) or a recording's zip file.
     *
     * @throws IncompatibleStoreException when it is neither
     */
    public static OpenedRecording open(Path path) {
        if (!RecordingZip.isZip(path) && !StoreDirectory.isStore(path)) {
            throw new IncompatibleStoreException(path.toString(),
                    "it is neither a store directory nor a recording zip (no metadata/format.json)");
        }
        Path root;
        try {
            root = Files.createTempDirectory("dossier-replay-");
        } catch (IOException e) {
            throw new StorageException("create a temporary directory", e);
        }
        Optional<Path> temporary = Optional.of(root);
        try {
            if (RecordingZip.isZip(path)) {
                RecordingZip.unzip(path, root);
            } else {
                TemporaryDirectory.copy(path, root);
            }
        } catch (RuntimeException e) {
            TemporaryDirectory.delete(root);
            throw e;
        }
        if (!StoreDirectory.isStore(root)) {
            temporary.ifPresent(TemporaryDirectory::delete);
            throw new IncompatibleStoreException(path.toString(),
                    "it is neither a store directory nor a recording zip (no metadata/format.json)");
        }
        try {
            Optional<RecordingManifest> manifest = ManifestFile.exists(root)
                    ? Optional.of(ManifestFile.read(root)) : Optional.empty();
            var store = FileSystemEventStore.open(FileStoreOptions.at(root).withDurability(Durability.OS_BUFFERED));
            return new OpenedRecording(store, manifest, temporary);
        } catch (RuntimeException e) {
            temporary.ifPresent(TemporaryDirectory::delete);
            throw e;
        }
    }

    /** The opened store; read from it only. */
    public EventStorePort store() {
        return store;
    }

    /** The recording's manifest; empty for a plain store. */
    public Optional<RecordingManifest> manifest() {
        return manifest;
    }

    /** Closes the store and deletes the unpacked copy of a zip. */
    @Override
    public void close() {
        try {
            store.close();
        } finally {
            temporary.ifPresent(TemporaryDirectory::delete);
        }
    }
}
