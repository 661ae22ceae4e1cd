package dev.dossier.infrastructure.filesystem;

import dev.dossier.domain.error.StorageException;
import dev.dossier.domain.model.GlobalPosition;
import dev.dossier.domain.model.ParkedEvent;
import dev.dossier.domain.model.SubscriberName;
import dev.dossier.domain.port.ParkedEventStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parked events as readable JSON files, {@code parked/<subscriber>/<position, 20 digits>.json}
 * (docs/format.md, "Parked events"), each written atomically. The event itself is not copied: the file names
 * it by position, id, type and aggregate. Thread-safe.
 */
public final class FileSystemParkedEventStore implements ParkedEventStore {
    static final String AREA = "parked";

    private final AreaFiles files;

    private FileSystemParkedEventStore(AreaFiles files) {
        this.files = files;
    }

    /**
     * The dead-letter area of the event store at {@code options.root()}.
     *
     * @throws dev.dossier.domain.error.IncompatibleStoreException when there is no event store there
     */
    public static FileSystemParkedEventStore open(FileStoreOptions options) {
        return new FileSystemParkedEventStore(new AreaFiles(options, AREA));
    }

    /** The file that holds the subscriber's parked event at {@code position}. */
    public Path fileOf(SubscriberName subscriber, GlobalPosition position) {
        return files.area().resolve(subscriber.value())
                .resolve(String.format("%020d", position.value()) + StoreLayout.EVENT_SUFFIX);
    }

    @Override
    public void park(ParkedEvent parked) {
        Path file = fileOf(parked.subscriber(), parked.position());
        try {
            files.write(file, ParkedFileCodec.encode(parked));
        } catch (IOException e) {
            throw new StorageException("write the parked event " + files.relative(file), e);
        }
    }

    @Override
    public List<ParkedEvent> list(Optional<SubscriberName> subscriber) {
        var found = new ArrayList<ParkedEvent>();
        try {
            List<String> subscribers = subscriber.map(s -> List.of(s.value())).orElse(subscriberDirectories());
            for (String name : subscribers) {
                Path directory = files.area().resolve(name);
                for (String file : files.list(directory, StoreLayout.EVENT_SUFFIX)) {
                    Path path = directory.resolve(file);
                    files.read(path).map(b -> ParkedFileCodec.decode(b, files.relative(path))).ifPresent(found::add);
                }
            }
        } catch (IOException e) {
            throw new StorageException("list the parked events in " + files.area(), e);
        }
        return found;
    }

    private List<String> subscriberDirectories() throws IOException {
        if (!java.nio.file.Files.isDirectory(files.area())) {
            return List.of();
        }
        try (var entries = java.nio.file.Files.list(files.area())) {
            return entries.filter(java.nio.file.Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> !StoreLayout.isTemporary(n)).sorted().toList();
        }
    }

    @Override
    public Optional<ParkedEvent> find(SubscriberName subscriber, GlobalPosition position) {
        Path file = fileOf(subscriber, position);
        try {
            return files.read(file).map(b -> ParkedFileCodec.decode(b, files.relative(file)));
        } catch (IOException e) {
            throw new StorageException("read the parked event " + files.relative(file), e);
        }
    }

    @Override
    public void remove(SubscriberName subscriber, GlobalPosition position) {
        Path file = fileOf(subscriber, position);
        try {
            files.delete(file);
        } catch (IOException e) {
            throw new StorageException("remove the parked event " + files.relative(file), e);
        }
    }
}
