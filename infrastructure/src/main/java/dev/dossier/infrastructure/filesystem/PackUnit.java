package dev.dossier.infrastructure.filesystem;

import dev.dossier.infrastructure.common.IndexEntry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The events of one file (an event file, or a range file) that a pack takes in. */
final class PackUnit {
    private final Path file;
    private final int fileLines;
    private final List<IndexEntry> entries = new ArrayList<>();
    private final List<StoredLines.Stored> stored = new ArrayList<>();

    PackUnit(Path file, int fileLines) {
        this.file = file;
        this.fileLines = fileLines;
    }

    void add(IndexEntry entry, StoredLines.Stored line) {
        entries.add(entry);
        stored.add(line);
    }

    Path file() {
        return file;
    }

    List<IndexEntry> entries() {
        return entries;
    }

    /** Whether every event of the file is taken in (a range file may hold later, unpackable ones). */
    boolean complete() {
        return entries.size() == fileLines;
    }

    /** The lines for the pack, each checked against its index entry. */
    List<byte[]> lines(EventFileCodec codec) {
        var lines = new ArrayList<byte[]>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            StoredLines.Stored line = stored.get(i);
            EventMatch.check(entries.get(i), codec.decode(line.name(), line.bytes()), line::name);
            lines.add(line.inRange() ? line.bytes() : RangeLines.line(entries.get(i).stamp(), line.bytes()));
        }
        return lines;
    }
}
