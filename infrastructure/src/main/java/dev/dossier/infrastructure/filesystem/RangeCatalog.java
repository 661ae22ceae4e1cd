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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

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
    /** Per aggregate, its known range files by the stamp of their first event; none covers another. */
    private final ConcurrentHashMap<StreamId, ConcurrentSkipListMap<EventStamp, Range>> ranges =
            new ConcurrentHashMap<>();

    RangeCatalog(StoreLayout layout) {
        this.layout = layout;
    }

    /** The known range file holding the event of {@code stream} stamped {@code stamp}, if any. */
    Optional<Range> find(StreamId stream, EventStamp stamp) {
        ConcurrentSkipListMap<EventStamp, Range> known = ranges.get(stream);
        if (known == null) {
            return Optional.empty();
        }
        Map.Entry<EventStamp, Range> candidate = known.floorEntry(stamp);
        return candidate != null && candidate.getValue().name().covers(stamp)
                ? Optional.of(candidate.getValue()) : Optional.empty();
    }

    /** Lists the aggregate directory again and takes its range files as the whole truth for {@code stream}. */
    void relist(StreamId stream) throws IOException {
        relist(stream, null);
    }

    /**
     * Like {@link #relist(StreamId)}, but knows only the range files that end at or after {@code from} (all when
     * null): the names of the others are skipped before anything is asked of the file system about them.
     */
    void relist(StreamId stream, EventStamp from) throws IOException {
        var found = new ArrayList<Range>();
        Path directory = layout.aggregateDirectory(stream);
        try (var entries = Files.newDirectoryStream(directory)) {
            for (Path file : entries) {
                StoreLayout.parseRangeFileName(file.getFileName().toString())
                        .filter(name -> from == null || name.last().compareTo(from) >= 0)
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
            var byFirst = new ConcurrentSkipListMap<EventStamp, Range>();
            found.forEach(range -> byFirst.put(range.name().first(), range));
            ranges.put(stream, byFirst);
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

    /**
     * Records a range file just written; known ranges inside it (packed into it) are dropped after it is
     * recorded, so that a reader always finds one of them. Costs the same however many ranges are known.
     */
    void added(StreamId stream, StoreLayout.RangeName name, Path path) {
        ConcurrentSkipListMap<EventStamp, Range> known =
                ranges.computeIfAbsent(stream, s -> new ConcurrentSkipListMap<>());
        known.put(name.first(), new Range(name, path));
        known.subMap(name.first(), false, name.last(), true).values()
                .removeIf(inside -> inside.name().last().compareTo(name.last()) <= 0);
    }
}
