package dev.dossier.infrastructure.filesystem;

import dev.dossier.domain.error.CorruptDataException;
import dev.dossier.domain.model.StreamId;
import dev.dossier.infrastructure.common.EventStamp;
import dev.dossier.infrastructure.common.IndexEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the stored bytes of indexed events for tools that work on the files themselves (migration,
 * packing): an event's own file, or its line in the range file that holds it. Range files are read once.
 * Use while holding the store's write lock.
 */
final class StoredLines {
    /**
     * Where an event lies and its bytes: the whole event file, or its line of a range file (which has
     * {@code fileLines} lines; 1 for an event file).
     */
    record Stored(Path file, String name, boolean inRange, byte[] bytes, int fileLines) {
    }

    private final StoreLayout layout;
    private final RangeCatalog catalog;
    private final Map<Path, RangeFile> read = new HashMap<>();

    StoredLines(StoreLayout layout) {
        this.layout = layout;
        this.catalog = new RangeCatalog(layout);
    }

    /** Lists the range files of {@code stream}'s directory, for {@link #rangeOf}. */
    void list(StreamId stream) throws IOException {
        catalog.relist(stream);
    }

    /**
     * Lists the range files of {@code stream}'s directory that end at or after {@code from}, for
     * {@link #rangeOf}; an event before {@code from} is then found by listing the whole directory again.
     */
    void list(StreamId stream, EventStamp from) throws IOException {
        catalog.relist(stream, from);
    }

    /** The range file holding the event of {@code entry}, as the directory was last listed; empty when none. */
    Optional<RangeCatalog.Range> rangeOf(IndexEntry entry) {
        return catalog.find(entry.stream(), entry.stamp());
    }

    /**
     * The event's line in the range file the directory listing says holds it, else its own event file (the
     * order {@link EventReader} reads in).
     *
     * @throws CorruptDataException when neither the event's file nor a range file holding it exists
     */
    Stored find(IndexEntry entry) throws IOException {
        Optional<RangeCatalog.Range> range = catalog.find(entry.stream(), entry.stamp());
        if (range.isPresent()) {
            return inRange(entry, range.get().path());
        }
        Path single = layout.eventFile(entry.stream(), entry.stamp(), entry.eventType());
        if (Files.isRegularFile(single, LinkOption.NOFOLLOW_LINKS)) {
            return new Stored(single, layout.relative(single), false, Files.readAllBytes(single), 1);
        }
        catalog.relist(entry.stream());
        range = catalog.find(entry.stream(), entry.stamp());
        if (range.isEmpty()) {
            throw new CorruptDataException(layout.relative(single), "the index names this committed event, but its"
                    + " file is missing and no range file holds it");
        }
        return inRange(entry, range.get().path());
    }

    private Stored inRange(IndexEntry entry, Path path) throws IOException {
        RangeFile file = read.get(path);
        if (file == null) {
            file = new RangeFile(path, layout.relative(path), Files.readAllBytes(path));
            read.put(path, file);
        }
        int line = file.lineOf(entry);
        return new Stored(path, file.name() + " line " + (line + 1), true, file.line(line), file.lines());
    }
}
