package dev.dossier.infrastructure.filesystem;

import dev.dossier.domain.error.CorruptDataException;
import dev.dossier.infrastructure.common.EventStamp;
import dev.dossier.infrastructure.common.IndexEntry;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * A range file read into memory, or a run of its lines ({@link RangeViews} reads a few lines of a large
 * one): its lines found by the stamps that lead them.
 */
final class RangeFile {
    private final Path path;
    private final String name;
    private final byte[] content;
    /** The line of the whole file that the first line here is (0 unless this is a run of its lines). */
    private final int firstLine;
    private final int[] starts;
    /** The stamp leading each line, or null for a line without one. */
    private final EventStamp[] stamps;
    /**
     * The line after the last one found: consecutive entries usually ask for it. Only a hint, checked before
     * use, so threads sharing a cached range file may race on it.
     */
    private int next;

    /** @throws CorruptDataException when the content does not end with a newline */
    RangeFile(Path path, String name, byte[] content) {
        this(path, name, content, 0);
    }

    /**
     * A run of the lines of a range file, the first of them its line {@code firstLine} (counted from 0).
     *
     * @throws CorruptDataException when the content does not end with a newline
     */
    RangeFile(Path path, String name, byte[] content, int firstLine) {
        this.path = path;
        this.name = name;
        this.content = content;
        this.firstLine = firstLine;
        this.starts = RangeLines.starts(content).orElseThrow(() -> new CorruptDataException(name,
                "the range file is empty or its last line is incomplete (no newline at the end)"));
        this.stamps = new EventStamp[starts.length - 1];
        for (int i = 0; i < stamps.length; i++) {
            stamps[i] = RangeLines.stampOf(content, starts[i], starts[i + 1]).orElse(null);
        }
    }

    /** About how much memory this takes, for the read cache's budget. */
    long footprint() {
        return content.length + 40L * starts.length;
    }

    Path path() {
        return path;
    }

    String name() {
        return name;
    }

    int lines() {
        return starts.length - 1;
    }

    /** Lines {@code from} to {@code to} (both included, counted from the first line here) as a run of their own. */
    RangeFile run(int from, int to) {
        return new RangeFile(path, name, Arrays.copyOfRange(content, starts[from], starts[to + 1]), firstLine + from);
    }

    /** Whether {@code stamp} lies between the stamps of the first line and the last one held here. */
    boolean spans(EventStamp stamp) {
        EventStamp first = stamps[0];
        EventStamp last = stamps[stamps.length - 1];
        return first != null && last != null && first.compareTo(stamp) <= 0 && stamp.compareTo(last) <= 0;
    }

    /**
     * The line map of this whole file, learnt from {@code entry}'s line; null when the entry's version is
     * too small to be on that line (the file is damaged: the reader of that line reports it).
     *
     * @throws CorruptDataException when no line carries the entry's stamp
     */
    RangeMap map(IndexEntry entry) {
        if (firstLine != 0) {
            throw new IllegalStateException("a run of a range file's lines has no map of the whole file");
        }
        long first = entry.version() - lineOf(entry);
        return first < 1 ? null : new RangeMap(first, starts);
    }

    /** The bytes of line {@code i} (newline included). */
    byte[] line(int i) {
        return Arrays.copyOfRange(content, starts[i], starts[i + 1]);
    }

    /** The stamp leading line {@code i}, or empty when the line has none. */
    Optional<EventStamp> stamp(int i) {
        return Optional.ofNullable(stamps[i]);
    }

    /**
     * The event on the line stamped like {@code entry}, its payload read as {@code reading} says.
     *
     * @throws CorruptDataException when no line carries that stamp or the line is not a well-formed event
     */
    EventFileCodec.Decoded event(IndexEntry entry, EventFileCodec codec, PayloadReading reading) {
        int line = lineOf(entry);
        return codec.decode(entry, content, starts[line], starts[line + 1], true,
                () -> name + " line " + (firstLine + line + 1), reading);
    }

    /**
     * The index of the line stamped like {@code entry}.
     *
     * @throws CorruptDataException when no line carries that stamp
     */
    int lineOf(IndexEntry entry) {
        EventStamp target = entry.stamp();
        int hint = next;
        if (hint < lines() && target.equals(stamps[hint])) {
            next = hint + 1;
            return hint;
        }
        int low = 0;
        int high = lines() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int order = compare(middle, target);
            if (order == 0) {
                next = middle + 1;
                return middle;
            }
            if (order < 0) {
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        throw new CorruptDataException(name, "no line is stamped " + entry.stamp().digits() + " (" + entry.stream()
                + " version " + entry.version() + "), though the file name's stamps include it");
    }

    /** Compares line {@code i}'s stamp with {@code target}. */
    private int compare(int i, EventStamp target) {
        if (stamps[i] == null) {
            throw new CorruptDataException(name, "line " + (firstLine + i + 1)
                    + " does not start with its stamp ({\"stamp\":\"<20 digits>\",...)");
        }
        return stamps[i].compareTo(target);
    }
}
