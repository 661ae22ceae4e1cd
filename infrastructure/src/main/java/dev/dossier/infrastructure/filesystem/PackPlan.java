package dev.dossier.infrastructure.filesystem;

import dev.dossier.infrastructure.common.EventStamp;
import dev.dossier.infrastructure.common.IndexEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which files of an aggregate a pack merges: the runs of consecutive files (event files and range files
 * that are not {@link Full full}) that hold only events up to the last version to pack and below the
 * positions a journal protects. A full range file ends a run and is left as it is; a file whose events are
 * not all packable is left out. Use while holding the store's write lock.
 */
final class PackPlan {
    /**
     * When a range file is full, so that packing leaves it alone: it has {@code lines} lines or more, or
     * takes {@code bytes} bytes or more.
     */
    record Full(int lines, long bytes) {
        Full {
            if (lines < 2 || bytes < 1) {
                throw new IllegalArgumentException("a full range file has at least 2 lines and 1 byte, not "
                        + lines + " and " + bytes);
            }
        }
    }

    /**
     * The runs to merge, in version order (a run may be empty or hold one file: merging it would change
     * nothing), and the last version of the full range files the entries begin with (0 when they begin with
     * another file): a later plan with the same {@link Full} may start after it.
     */
    record Runs(List<List<PackUnit>> runs, long fullThrough) {
    }

    private PackPlan() {
    }

    /**
     * The runs of {@code entries}.
     *
     * @param entries     the aggregate's index entries from version 1, or from the first event of a file
     * @param lastVersion the highest version to pack
     * @param floor       the lowest position a journal still protects
     */
    static Runs runs(List<IndexEntry> entries, StoredLines lines, long lastVersion, long floor, Full full)
            throws IOException {
        var runs = new ArrayList<List<PackUnit>>();
        var run = new ArrayList<PackUnit>();
        PackUnit unit = null;
        long fullThrough = 0;
        boolean leading = true;
        for (int i = 0; i < entries.size(); i++) {
            IndexEntry entry = entries.get(i);
            if (entry.version() > lastVersion || entry.position() >= floor) {
                break;
            }
            int skip = fullRangeFrom(lines, entries, i, full);
            if (skip > 0) {
                if (leading) {
                    fullThrough = entries.get(i + skip - 1).version();
                }
                runs.add(run);
                run = new ArrayList<>();
                unit = null;
                i += skip - 1;
                continue;
            }
            leading = false;
            StoredLines.Stored stored = lines.find(entry);
            if (unit != null && unit.file().equals(stored.file())) {
                unit.add(entry, stored);
                continue;
            }
            unit = new PackUnit(stored.file(), stored.fileLines());
            unit.add(entry, stored);
            if (stored.fileLines() >= full.lines()) {
                runs.add(run);
                run = new ArrayList<>();
            } else {
                run.add(unit);
            }
        }
        if (unit != null && !unit.complete()) {
            run.remove(unit);
        }
        runs.add(run);
        return new Runs(runs, fullThrough);
    }

    /**
     * How many events the full range file starting with event {@code i} holds (by the index and the file's
     * size, without reading it), or 0 when event {@code i} does not start a full range file: such a file is
     * left as it is, and skipping it unread keeps a pack's cost independent of history.
     */
    private static int fullRangeFrom(StoredLines lines, List<IndexEntry> entries, int i, Full full)
            throws IOException {
        Optional<RangeCatalog.Range> range = lines.rangeOf(entries.get(i));
        if (range.isEmpty() || !range.get().name().first().equals(entries.get(i).stamp())) {
            return 0;
        }
        EventStamp last = range.get().name().last();
        int low = i;
        int high = entries.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (entries.get(middle).stamp().compareTo(last) <= 0) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        int count = low - i;
        if (count >= full.lines()) {
            return count;
        }
        return full.bytes() < Long.MAX_VALUE && Files.size(range.get().path()) >= full.bytes() ? count : 0;
    }
}
