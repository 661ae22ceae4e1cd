package dev.dossier.infrastructure.filesystem;

import dev.dossier.domain.model.StreamId;
import dev.dossier.infrastructure.common.EventStamp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The range files known per aggregate, to find the file an event lies in by its stamp. It learns of the
 * range files this store object writes as it writes them, and of others (written by other processes, or
 * before the store was opened) when an event's own file is missing and the aggregate directory is listed
 * again ({@link #relist}). A known range file can vanish (packed into a larger one); readers then relist
 * too. Thread-safe.
 */
final class RangeCatalog {
    /** A range file and the stamps of its first and last event. */
    record Range(StoreLayout.RangeName name, Path path) {
    }

    private final StoreLayout layout;
    private final ConcurrentHashMap<StreamId, List<Range>> ranges = new ConcurrentHashMap<>();

    RangeCatalog(StoreLayout layout) {
        this.layout = layout;
    }

    /** The known range file holding the event of {@code stream} stamped {@code stamp}, if any. */
    Optional<Range> find(StreamId stream, EventStamp stamp) {
        List<Range> known = ranges.get(stream);
        if (known == null) {
            return Optional.empty();
        }
        int low = 0;
        int high = known.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            Range range = known.get(middle);
            if (range.name().last().compareTo(stamp) < 0) {
                low = middle + 1;
            } else if (range.name().first().compareTo(stamp) > 0) {
                high = middle - 1;
            } else {
                return Optional.of(range);
            }
        }
        return Optional.empty();
    }

    /** Lists the aggregate directory again and takes its range files as the whole truth for {@code stream}. */
    void relist(StreamId stream) throws IOException {
        var found = new ArrayList<Range>();
        Path directory = layout.aggregateDirectory(stream);
        try (var entries = Files.newDirectoryStream(directory)) {
            for (Path file : entries) {
                StoreLayout.parseRangeFileName(file.getFileName().toString())
                        .filter(name -> Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS))
                        .ifPresent(name -> found.add(new Range(name, file)));
            }
        } catch (NoSuchFileException e) {
            // no directory, no range files
        }
        found.sort(Comparator.comparing((Range r) -> r.name().first()).thenComparing(r -> r.name().last(),
                Comparator.reverseOrder()));
        dropCovered(found);
        if (found.isEmpty()) {
            ranges.remove(stream);
        } else {
            ranges.put(stream, List.copyOf(found));
        }
    }

    /**
     * Drops ranges inside an earlier, larger one: a listing taken while a pack deletes the files it
     * replaces shows both, and the pack is the one that stays.
     */
    private static void dropCovered(List<Range> sorted) {
        Range outer = null;
        for (var it = sorted.iterator(); it.hasNext(); ) {
            Range range = it.next();
            if (outer != null && outer.name().covers(range.name().first()) && outer.name().covers(range.name().last())) {
                it.remove();
            } else {
                outer = range;
            }
        }
    }

    /** Records a range file just written; known ranges inside it (packed into it) are dropped. */
    void added(StreamId stream, StoreLayout.RangeName name, Path path) {
        ranges.compute(stream, (s, known) -> {
            var next = new ArrayList<Range>();
            if (known != null) {
                known.stream().filter(r -> !(name.covers(r.name().first()) && name.covers(r.name().last())))
                        .forEach(next::add);
            }
            next.add(new Range(name, path));
            next.sort(Comparator.comparing(r -> r.name().first()));
            return List.copyOf(next);
        });
    }
}
