package dev.dossier.infrastructure.filesystem;

import dev.dossier.domain.error.CorruptDataException;
import dev.dossier.domain.model.EventType;
import dev.dossier.infrastructure.common.EventStamp;
import dev.dossier.infrastructure.common.IndexEntry;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.BiPredicate;

/** A range file read into memory: its lines found by the stamps that lead them. */
final class RangeFile {
    private final Path path;
    private final String name;
    private final byte[] content;
    private final int[] starts;

    /** @throws CorruptDataException when the content does not end with a newline */
    RangeFile(Path path, String name, byte[] content) {
        this.path = path;
        this.name = name;
        this.content = content;
        this.starts = RangeLines.starts(content).orElseThrow(() -> new CorruptDataException(name,
                "the range file is empty or its last line is incomplete (no newline at the end)"));
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

    /** The bytes of line {@code i} (newline included). */
    byte[] line(int i) {
        return Arrays.copyOfRange(content, starts[i], starts[i + 1]);
    }

    /** The stamp leading line {@code i}, or empty when the line has none. */
    Optional<EventStamp> stamp(int i) {
        return RangeLines.stampOf(content, starts[i], starts[i + 1]);
    }

    /**
     * The event on the line stamped like {@code entry}, with its payload's tree when {@code wantsTree} asks.
     *
     * @throws CorruptDataException when no line carries that stamp or the line is not a well-formed event
     */
    EventFileCodec.Decoded event(IndexEntry entry, EventFileCodec codec, BiPredicate<EventType, Integer> wantsTree) {
        int line = lineOf(entry);
        return codec.decode(name + " line " + (line + 1), line(line), wantsTree);
    }

    /**
     * The index of the line stamped like {@code entry}.
     *
     * @throws CorruptDataException when no line carries that stamp
     */
    int lineOf(IndexEntry entry) {
        int low = 0;
        int high = lines() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            EventStamp stamp = stamp(middle).orElseThrow(() -> new CorruptDataException(name,
                    "a line does not start with its stamp ({\"stamp\":\"<20 digits>\",...)"));
            int order = stamp.compareTo(entry.stamp());
            if (order == 0) {
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
}
