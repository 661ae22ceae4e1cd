package dev.dossier.infrastructure.filesystem;

import dev.dossier.domain.error.StorageException;
import dev.dossier.domain.model.Snapshot;
import dev.dossier.domain.model.StreamId;
import dev.dossier.domain.port.SnapshotStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Snapshots as readable JSON files beside the events: {@code snapshots/<aggregate-type>/<aggregate-id>.json}
 * with the same name encoding as the event directories (docs/format.md, "Snapshots"). Each file is
 * replaced atomically. Deleting any of them, or the whole {@code snapshots/} directory, is always safe.
 * Thread-safe; processes sharing a store may write snapshots concurrently (the last rename wins).
 */
public final class FileSystemSnapshotStore implements SnapshotStore {
    static final String AREA = "snapshots";

    private final AreaFiles files;

    private FileSystemSnapshotStore(AreaFiles files) {
        this.files = files;
    }

    /**
     * The snapshot store of the event store at {@code options.root()}, with its durability and permissions.
     *
     * @throws dev.dossier.domain.error.IncompatibleStoreException when there is no event store there
     */
    public static FileSystemSnapshotStore open(FileStoreOptions options) {
        return new FileSystemSnapshotStore(new AreaFiles(options, AREA));
    }

    /** The file that holds the snapshot of {@code stream}. */
    public Path fileOf(StreamId stream) {
        return files.area().resolve(NameCodec.encodeAggregateType(stream.type().value()))
                .resolve(NameCodec.encodeAggregateId(stream.id().value()) + StoreLayout.EVENT_SUFFIX);
    }

    @Override
    public void save(Snapshot snapshot) {
        Path file = fileOf(snapshot.stream());
        byte[] bytes = SnapshotFileCodec.encode(snapshot);
        try {
            files.write(file, bytes);
        } catch (IOException e) {
            throw new StorageException("write the snapshot " + files.relative(file), e);
        }
    }

    @Override
    public Optional<Snapshot> load(StreamId stream, Class<?> stateClass, int schemaVersion) {
        try {
            return files.read(fileOf(stream))
                    .flatMap(bytes -> SnapshotFileCodec.decode(bytes, stream, stateClass, schemaVersion));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public void delete(StreamId stream) {
        Path file = fileOf(stream);
        try {
            files.delete(file);
        } catch (IOException e) {
            throw new StorageException("delete the snapshot " + files.relative(file), e);
        }
    }

    @Override
    public void deleteAll() {
        try {
            files.deleteArea();
        } catch (IOException e) {
            throw new StorageException("delete the snapshots in " + files.area(), e);
        }
    }
}
