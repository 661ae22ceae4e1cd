package dev.dossier.infrastructure.filesystem;

import dev.dossier.domain.error.CorruptDataException;
import dev.dossier.domain.error.StorageException;
import dev.dossier.domain.model.StreamId;
import dev.dossier.infrastructure.common.IndexEntry;
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
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Loads the events that index entries name, from their event files or from the range files holding them,
 * and checks each against its entry. An event whose file is missing is looked for again after listing its
 * aggregate directory (it may have been packed meanwhile); only then is it reported missing. Never follows
 * a symbolic link. Thread-safe.
 */
final class EventReader {
    /** How often a missing event is looked for again after listing its directory (packs may be running). */
    private static final int RETRIES = 3;

    private final StoreLayout layout;
    private final EventFileCodec codec;
    private final RangeCatalog catalog;
    private final FileCache cache;
    private final ReadHelper helper;
    private final Set<Path> realDirectories = ConcurrentHashMap.newKeySet();

    EventReader(StoreLayout layout, EventFileCodec codec, RangeCatalog catalog, FileCache cache, ReadHelper helper) {
        this.layout = layout;
        this.codec = codec;
        this.catalog = catalog;
        this.cache = cache;
        this.helper = helper;
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
            var events = new ArrayList<EventFileCodec.Decoded>(to - from);
            LastRange lastRange = new LastRange();
            for (IndexEntry entry : entries.subList(from, to)) {
                events.add(loadOne(entry, lastRange, reading));
            }
            return events;
        });
    }

    /**
     * The range file the previous entry was found in, with its aggregate and the stamps its name encloses:
     * consecutive entries are usually in it, and a range file's events never change, so they are read from
     * it without asking the catalog again.
     */
    private static final class LastRange {
        private StreamId stream;
        private RangeCatalog.Range range;
        private RangeFile file;

        boolean holds(IndexEntry entry) {
            return file != null && range.name().covers(entry.stamp()) && entry.stream().equals(stream);
        }
    }

    private EventFileCodec.Decoded loadOne(IndexEntry entry, LastRange lastRange, PayloadReading reading) {
        for (int attempt = 0; ; attempt++) {
            Optional<RangeCatalog.Range> range = lastRange.holds(entry) ? Optional.of(lastRange.range)
                    : catalog.find(entry.stream(), entry.stamp());
            if (range.isPresent()) {
                RangeFile file = lastRange.file;
                if (file == null || !file.path().equals(range.get().path())) {
                    file = rangeFile(range.get().path());
                    lastRange.stream = entry.stream();
                    lastRange.range = range.get();
                    lastRange.file = file;
                }
                if (file != null) {
                    RangeFile in = file;
                    return unlessDamaged(in.path(),
                            () -> EventMatch.checked(entry, in.event(entry, codec, reading), in::name));
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

    /** The range file at {@code path}, its lines found, from the cache or read; null when it does not exist. */
    private RangeFile rangeFile(Path path) {
        RangeFile cached = cache.range(path);
        if (cached != null) {
            return cached;
        }
        byte[] bytes = readUncached(path, () -> layout.relative(path));
        if (bytes == null) {
            return null;
        }
        RangeFile file = unlessDamaged(path, () -> new RangeFile(path, layout.relative(path), bytes));
        cache.put(path, file);
        return file;
    }

    /** The file's bytes, from the cache or read; null when it does not exist. */
    private byte[] read(Path file, Supplier<String> name) {
        byte[] cached = cache.get(file);
        if (cached != null) {
            return cached;
        }
        byte[] bytes = readUncached(file, name);
        if (bytes != null) {
            cache.put(file, bytes);
        }
        return bytes;
    }

    /** The file's bytes as they are on disk now, or null when it does not exist. */
    private byte[] readUncached(Path file, Supplier<String> name) {
        refuseLinkedDirectories(file, name);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            long size = channel.size();
            if (size > Integer.MAX_VALUE - 16) {
                throw new CorruptDataException(name.get(), "the file is " + size + " bytes, too large to read");
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) size);
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // keep reading until the whole file is in
            }
            return buffer.array();
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().contains("symbolic link")) {
                throw new CorruptDataException(name.get(), "is a symbolic link; the store never follows links");
            }
            throw new StorageException("read " + name.get(), e);
        }
    }

    /**
     * Opening with {@code NOFOLLOW_LINKS} refuses only a link in the last name; a linked aggregate or type
     * directory would still be followed, so those are checked too (once per directory: a directory found to
     * be a real one is remembered).
     */
    private void refuseLinkedDirectories(Path file, Supplier<String> name) {
        for (Path directory = file.getParent(); !directory.equals(layout.root()); directory = directory.getParent()) {
            if (realDirectories.contains(directory)) {
                continue;
            }
            if (Files.isSymbolicLink(directory)) {
                throw new CorruptDataException(name.get(), "its directory " + layout.relative(directory)
                        + " is a symbolic link; the store never follows links");
            }
            if (realDirectories.size() < 1_000_000) {
                realDirectories.add(directory);
            }
        }
    }
}
