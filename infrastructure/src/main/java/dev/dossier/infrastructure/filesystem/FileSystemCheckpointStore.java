package dev.dossier.infrastructure.filesystem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dossier.domain.error.CorruptDataException;
import dev.dossier.domain.error.StorageException;
import dev.dossier.domain.model.Checkpoint;
import dev.dossier.domain.model.SubscriberName;
import dev.dossier.domain.port.CheckpointStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checkpoints as readable JSON files, {@code checkpoints/<subscriber>.json} (docs/format.md, "Checkpoints"),
 * each replaced atomically and forced under the store's durability. Deleting one makes its subscriber start
 * over where its subscription says. Thread-safe; processes sharing a store may each keep their own subscribers.
 */
public final class FileSystemCheckpointStore implements CheckpointStore {
    static final String AREA = "checkpoints";
    private static final String FORMAT = "dossier-checkpoint";

    private final AreaFiles files;

    private FileSystemCheckpointStore(AreaFiles files) {
        this.files = files;
    }

    /**
     * The checkpoint store of the event store at {@code options.root()}.
     *
     * @throws dev.dossier.domain.error.IncompatibleStoreException when there is no event store there
     */
    public static FileSystemCheckpointStore open(FileStoreOptions options) {
        return new FileSystemCheckpointStore(new AreaFiles(options, AREA));
    }

    /** The file that holds the checkpoint of {@code subscriber}. */
    public Path fileOf(SubscriberName subscriber) {
        return files.area().resolve(subscriber.value() + StoreLayout.EVENT_SUFFIX);
    }

    /**
     * {@inheritDoc}
     *
     * @throws CorruptDataException when the file exists but is not a checkpoint of this subscriber
     */
    @Override
    public Optional<Checkpoint> load(SubscriberName subscriber) {
        Path file = fileOf(subscriber);
        try {
            return files.read(file).map(bytes -> decode(bytes, files.relative(file)));
        } catch (IOException e) {
            throw new StorageException("read the checkpoint " + files.relative(file), e);
        }
    }

    @Override
    public void save(Checkpoint checkpoint) {
        Path file = fileOf(checkpoint.subscriber());
        ObjectNode node = AreaJson.start(FORMAT);
        node.put("subscriber", checkpoint.subscriber().value());
        node.put("position", checkpoint.position());
        node.put("savedAt", checkpoint.savedAt().toString());
        try {
            files.write(file, AreaJson.bytes(node));
        } catch (IOException e) {
            throw new StorageException("write the checkpoint " + files.relative(file), e);
        }
    }

    @Override
    public void delete(SubscriberName subscriber) {
        try {
            files.delete(fileOf(subscriber));
        } catch (IOException e) {
            throw new StorageException("delete the checkpoint of " + subscriber, e);
        }
    }

    @Override
    public List<Checkpoint> list() {
        var found = new ArrayList<Checkpoint>();
        try {
            for (String name : files.list(files.area(), StoreLayout.EVENT_SUFFIX)) {
                String stem = name.substring(0, name.length() - StoreLayout.EVENT_SUFFIX.length());
                load(SubscriberName.of(stem)).ifPresent(found::add);
            }
        } catch (IOException e) {
            throw new StorageException("list the checkpoints in " + files.area(), e);
        }
        return found;
    }

    private static Checkpoint decode(byte[] bytes, String name) {
        JsonNode node = AreaJson.read(bytes, FORMAT, name);
        try {
            return new Checkpoint(SubscriberName.of(node.path("subscriber").asText()),
                    node.path("position").asLong(-1), Instant.parse(node.path("savedAt").asText()));
        } catch (RuntimeException e) {
            throw new CorruptDataException(name, "cannot be read as a checkpoint: " + e.getMessage(), e);
        }
    }
}
