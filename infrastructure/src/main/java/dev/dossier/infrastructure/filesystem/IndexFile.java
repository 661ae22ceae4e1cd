package dev.dossier.infrastructure.filesystem;

import dev.dossier.domain.error.CorruptDataException;
import dev.dossier.domain.error.StoreUnavailableException;
import dev.dossier.infrastructure.common.IndexEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/** The committed lines of {@code metadata/event-index.jsonl}, with their commit marks, read whole. */
record IndexFile(List<Line> lines) {

    /** One committed line. */
    record Line(IndexEntry entry, boolean commit) {
    }

    /**
     * @throws StoreUnavailableException when the index ends in an uncommitted tail (a writer is at work)
     * @throws CorruptDataException when a line cannot be read
     */
    static IndexFile read(StoreLayout layout) throws IOException {
        byte[] bytes = Files.readAllBytes(layout.index());
        var codec = new IndexLineCodec();
        var lines = new ArrayList<Line>();
        int start = 0;
        int committed = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                try {
                    IndexLineCodec.Line line = codec.parse(bytes, start, i - start);
                    lines.add(new Line(line.entry(), line.commit()));
                    committed = line.commit() ? lines.size() : committed;
                } catch (IllegalArgumentException e) {
                    throw new CorruptDataException(layout.relative(layout.index()), "line " + (lines.size() + 1)
                            + " cannot be read: " + e.getMessage());
                }
                start = i + 1;
            }
        }
        if (committed != lines.size() || start != bytes.length) {
            throw new StoreUnavailableException("The index of " + layout.root() + " ends in an uncommitted write;"
                    + " stop the other processes using the store and try again.");
        }
        return new IndexFile(List.copyOf(lines));
    }
}
