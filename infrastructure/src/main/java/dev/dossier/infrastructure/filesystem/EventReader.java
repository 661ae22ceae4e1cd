package dev.dossier.infrastructure.filesystem;

import dev.dossier.domain.error.CorruptDataException;
import dev.dossier.domain.error.StorageException;
import dev.dossier.infrastructure.common.IndexEntry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Loads the events that index entries name, from their event files or from the range files holding them,
 * and checks each against its entry. Each chunk of a read takes its range files through {@link RangeViews}
 * (a large one a run of lines at a time, once its line map is known). An event whose file is missing is
 * looked for again after listing its aggregate directory (it may have been packed meanwhile); only then is
 * it reported missing. Never follows a symbolic link. Thread-safe.
 */
final class EventReader {
    /** How often a missing event is looked for again after listing its directory (packs may be running). */
    private static final int RETRIES = 3;

    private final StoreLayout layout;
    private final EventFileCodec codec;
    private final RangeCatalog catalog;
    private final FileCache cache;
    private final ReadHelper helper;
    private final StoredFileReader files;

    EventReader(StoreLayout layout, EventFileCodec codec, RangeCatalog catalog, FileCache cache, ReadHelper helper) {
        this.layout = layout;
        this.codec = codec;
        this.catalog = catalog;
        this.cache = cache;
        this.helper = helper;
        this.files = new StoredFileReader(layout);
    }

    /**
     * The events of {@code entries}, in their order, their payloads read as {@code reading} says (a payload
     * to upcast comes with its tree, or already upcast). A long list is loaded by this thread and the
     * {@link ReadHelper}'s together.
     *
     * @throws CorruptDataException when an event is missing, unreadable or disagrees with its entry
     * @throws StorageException when a file cannot be read
     */
    List<EventFileCodec.Decoded> load(List<IndexEntry> entries, PayloadReading reading) {
        return helper.run(entries.size(), (from, to) -> {
            List<IndexEntry> chunk = entries.subList(from, to);
            var events = new ArrayList<EventFileCodec.Decoded>(to - from);
            var views = new RangeViews(layout, cache, files, chunk);
            for (int i = 0; i < chunk.size(); i++) {
                events.add(loadOne(chunk.get(i), i, views, reading));
            }
            return events;
        });
    }

    /** Entry {@code i} of a chunk, whose range files {@code views} has in hand. */
    private EventFileCodec.Decoded loadOne(IndexEntry entry, int i, RangeViews views, PayloadReading reading) {
        for (int attempt = 0; ; attempt++) {
            Optional<RangeCatalog.Range> last = views.lastHolding(entry);
            Optional<RangeCatalog.Range> range = last.isPresent() ? last : catalog.find(entry.stream(), entry.stamp());
            if (range.isPresent()) {
                RangeFile file = views.holding(i, range.get());
                if (file != null) {
                    return unlessDamaged(file.path(),
                            () -> EventMatch.checked(entry, file.event(entry, codec, reading), file::name));
                }
            } else {
                Path single = layout.eventFile(entry.stream(), entry.stamp(), entry.eventType());
                Supplier<String> name = () -> layout.relative(single);
                byte[] bytes = read(single, name);
                if (bytes != null) {
                    return unlessDamaged(single, () -> EventMatch.checked(entry,
                            codec.decode(entry, bytes, 0, bytes.length, false, name, reading), name));
                }
            }
            if (attempt >= RETRIES) {
                Path single = layout.eventFile(entry.stream(), entry.stamp(), entry.eventType());
                throw new CorruptDataException(layout.relative(single), "the index names this committed event ("
                        + entry.stream() + " version " + entry.version() + "), but its file is missing and no range file"
                        + " holds it");
            }
            relist(entry);
        }
    }

    /** The result of {@code work} on the bytes of {@code file}; a damaged file is dropped from the cache first. */
    private <T> T unlessDamaged(Path file, Supplier<T> work) {
        try {
            return work.get();
        } catch (CorruptDataException e) {
            cache.forget(file);
            throw e;
        }
    }

    private void relist(IndexEntry entry) {
        try {
            catalog.relist(entry.stream());
        } catch (IOException e) {
            throw new StorageException("list " + layout.relative(layout.aggregateDirectory(entry.stream())), e);
        }
    }

    /** The file's bytes, from the cache or read; null when it does not exist. */
    private byte[] read(Path file, Supplier<String> name) {
        byte[] cached = cache.get(file);
        if (cached != null) {
            return cached;
        }
        byte[] bytes = files.read(file, name);
        if (bytes != null) {
            cache.put(file, bytes);
        }
        return bytes;
    }
}
