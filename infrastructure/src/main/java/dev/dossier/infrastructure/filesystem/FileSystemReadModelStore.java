package dev.dossier.infrastructure.filesystem;

import dev.dossier.domain.error.CorruptDataException;
import dev.dossier.domain.error.EventSerializationException;
import dev.dossier.domain.error.InvalidInputException;
import dev.dossier.domain.error.StorageException;
import dev.dossier.domain.model.AggregateId;
import dev.dossier.domain.model.SubscriberName;
import dev.dossier.domain.port.ReadModelStore;
import dev.dossier.infrastructure.json.JsonSupport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A simple file-backed read model store: one pretty-printed JSON file per document,
 * {@code projections/<collection>/<encoded key>.json} (docs/format.md, "Projections"), each replaced
 * atomically. Fine for thousands of documents per collection; a host with more plugs in its own store.
 */
public final class FileSystemReadModelStore implements ReadModelStore {
    static final String AREA = "projections";

    private final AreaFiles files;

    private FileSystemReadModelStore(AreaFiles files) {
        this.files = files;
    }

    /**
     * The read model store of the event store at {@code options.root()}.
     *
     * @throws dev.dossier.domain.error.IncompatibleStoreException when there is no event store there
     */
    public static FileSystemReadModelStore open(FileStoreOptions options) {
        return new FileSystemReadModelStore(new AreaFiles(options, AREA));
    }

    /** The directory of a collection. */
    public Path directoryOf(String collection) {
        return files.area().resolve(SubscriberName.of(collection).value());
    }

    /** The file of one document. */
    public Path fileOf(String collection, String key) {
        new AggregateId(key);
        String encoded = NameCodec.encode(key, NameCodec.Kind.AGGREGATE_ID);
        if (encoded.length() > NameCodec.MAX_DIRECTORY_NAME) {
            throw new InvalidInputException("read model key", "is " + encoded.length()
                    + " bytes once encoded for a file name; the limit is " + NameCodec.MAX_DIRECTORY_NAME);
        }
        return directoryOf(collection).resolve(encoded + StoreLayout.EVENT_SUFFIX);
    }

    @Override
    public <T> Optional<T> find(String collection, String key, Class<T> type) {
        Path file = fileOf(collection, key);
        Optional<byte[]> bytes;
        try {
            bytes = files.read(file);
        } catch (IOException e) {
            throw new StorageException("read the document " + files.relative(file), e);
        }
        return bytes.map(b -> {
            try {
                return JsonSupport.mapper().readValue(b, type);
            } catch (IOException e) {
                throw new CorruptDataException(files.relative(file), "cannot be read as " + type.getName()
                        + ": " + e.getMessage(), e);
            }
        });
    }

    @Override
    public void put(String collection, String key, Object document) {
        Path file = fileOf(collection, key);
        byte[] bytes;
        try {
            bytes = (JsonSupport.prettyWriter().writeValueAsString(document) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EventSerializationException(document.getClass().getName(), "the read model document of "
                    + collection + "/" + key + " cannot be written as JSON", e);
        }
        try {
            files.write(file, bytes);
        } catch (IOException e) {
            throw new StorageException("write the document " + files.relative(file), e);
        }
    }

    @Override
    public void delete(String collection, String key) {
        try {
            files.delete(fileOf(collection, key));
        } catch (IOException e) {
            throw new StorageException("delete the document " + collection + "/" + key, e);
        }
    }

    @Override
    public List<String> keys(String collection) {
        var keys = new ArrayList<String>();
        try {
            for (String name : files.list(directoryOf(collection), StoreLayout.EVENT_SUFFIX)) {
                String stem = name.substring(0, name.length() - StoreLayout.EVENT_SUFFIX.length());
                NameCodec.decode(stem, NameCodec.Kind.AGGREGATE_ID).ifPresent(keys::add);
            }
        } catch (IOException e) {
            throw new StorageException("list the collection " + collection, e);
        }
        keys.sort(null);
        return keys;
    }

    @Override
    public void drop(String collection) {
        try {
            files.deleteTree(directoryOf(collection));
        } catch (IOException e) {
            throw new StorageException("drop the collection " + collection, e);
        }
    }
}
