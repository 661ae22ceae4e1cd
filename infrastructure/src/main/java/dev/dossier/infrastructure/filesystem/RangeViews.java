package dev.dossier.infrastructure.filesystem;

import dev.dossier.domain.error.CorruptDataException;
import dev.dossier.domain.model.StreamId;
import dev.dossier.infrastructure.common.IndexEntry;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The range files one chunk of a read has in hand: whole files (from the read cache, or read whole), or,
 * for a large range file whose line map the cache holds ({@link RangeMap}), just the run of lines the
 * chunk asks of it. A read in global order asks a few lines at a time of each of many aggregates' large
 * packed files; reading each whole file every time would read it many times over. A run is trusted only
 * when it holds as many lines as asked and its first line carries the first entry's stamp; otherwise the
 * map is forgotten and the file read whole. Not thread-safe: one per chunk.
 */
final class RangeViews {
    /** Range files of at least this many bytes are read a run of lines at a time once their line map is known. */
    static final int RUN_BYTES = 16 * 1024;

    private final StoreLayout layout;
    private final FileCache cache;
    private final StoredFileReader files;
    private final List<IndexEntry> chunk;
    private final Map<Path, RangeFile> inHand = new HashMap<>();
    /**
     * The stream and range of the last entry found in a range file: the next entry is usually in it too.
     * A range whose file was missing is not remembered: the catalog, listed again, knows better.
     */
    private StreamId lastStream;
    private RangeCatalog.Range lastRange;

    RangeViews(StoreLayout layout, FileCache cache, StoredFileReader files, List<IndexEntry> chunk) {
        this.layout = layout;
        this.cache = cache;
        this.files = files;
        this.chunk = chunk;
    }

    /**
     * The range the last entry was found in, when it holds {@code entry} too (a range file's events never
     * change, but by {@code eventstore migrate}, which runs while no store object is open); else empty.
     */
    Optional<RangeCatalog.Range> lastHolding(IndexEntry entry) {
        return lastRange != null && lastRange.name().covers(entry.stamp()) && entry.stream().equals(lastStream)
                ? Optional.of(lastRange) : Optional.empty();
    }

    /**
     * The range file, or run of its lines, that holds entry {@code i} of the chunk, which lies in {@code range};
     * null when the file does not exist.
     *
     * @throws CorruptDataException when the file read whole does not end with a newline
     */
    RangeFile holding(int i, RangeCatalog.Range range) {
        IndexEntry entry = chunk.get(i);
        Path path = range.path();
        RangeFile known = inHand.get(path);
        if (known == null || !known.spans(entry.stamp())) {
            known = find(i, range);
            if (known != null) {
                inHand.put(path, known);
            }
        }
        lastStream = entry.stream();
        lastRange = known == null ? null : range;
        return known;
    }

    /**
     * The file from the cache, else the run of lines the chunk asks of it when its map is known, else the file
     * read whole: as it is when the cache keeps it or no map was learnt, or else cut to the run the chunk asks,
     * so that a chunk holds no more of a large file than it needs.
     */
    private RangeFile find(int i, RangeCatalog.Range range) {
        Path path = range.path();
        RangeFile cached = cache.range(path);
        if (cached != null) {
            return cached;
        }
        IndexEntry entry = chunk.get(i);
        RangeMap map = cache.map(path);
        if (map != null && map.holds(entry.version())) {
            RangeFile run = read(entry, path, map, lastAsked(i, range, map));
            if (run != null) {
                return run;
            }
            cache.forget(path);
        }
        RangeFile whole = whole(entry, path);
        map = whole == null ? null : cache.map(path);
        if (map == null || !map.holds(entry.version()) || cache.range(path) == whole) {
            return whole;
        }
        long first = map.firstVersion();
        return whole.run((int) (entry.version() - first), (int) (lastAsked(i, range, map) - first));
    }

    /** The last version, from entry {@code i}'s on, that this chunk asks of the same aggregate in the same file. */
    private long lastAsked(int i, RangeCatalog.Range range, RangeMap map) {
        IndexEntry entry = chunk.get(i);
        long last = entry.version();
        for (int k = i + 1; k < chunk.size(); k++) {
            IndexEntry next = chunk.get(k);
            if (next.version() > last && map.holds(next.version()) && next.stream().equals(entry.stream())
                    && range.name().covers(next.stamp())) {
                last = next.version();
            }
        }
        return last;
    }

    /** The lines of versions {@code entry.version()} to {@code last}, read alone; null when they do not check out. */
    private RangeFile read(IndexEntry entry, Path path, RangeMap map, long last) {
        byte[] bytes = files.read(path, map.startOf(entry.version()), map.endOf(last), () -> layout.relative(path));
        if (bytes == null) {
            return null;
        }
        try {
            var run = new RangeFile(path, layout.relative(path), bytes, (int) (entry.version() - map.firstVersion()));
            boolean asked = run.lines() == last - entry.version() + 1
                    && run.stamp(0).filter(entry.stamp()::equals).isPresent();
            return asked ? run : null;
        } catch (CorruptDataException e) {
            return null;
        }
    }

    /** The file read whole, kept in the cache, and its line map too when it is large; null when it does not exist. */
    private RangeFile whole(IndexEntry entry, Path path) {
        byte[] bytes = files.read(path, () -> layout.relative(path));
        if (bytes == null) {
            return null;
        }
        RangeFile file;
        try {
            file = new RangeFile(path, layout.relative(path), bytes);
        } catch (CorruptDataException e) {
            cache.forget(path);
            throw e;
        }
        cache.put(path, file);
        if (bytes.length >= RUN_BYTES) {
            try {
                RangeMap map = file.map(entry);
                if (map != null) {
                    cache.put(path, map);
                }
            } catch (CorruptDataException e) {
                // No line carries the entry's stamp: reading the entry from the file reports it.
            }
        }
        return file;
    }
}
