package dev.dossier.infrastructure.filesystem;

import dev.dossier.domain.error.CorruptDataException;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.infrastructure.common.IndexEntry;
import dev.dossier.infrastructure.common.StoreIndex;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The parts of opening a store that the journal does not cover: removing temporary files an interrupted
 * metadata write left in {@code metadata/}, and rebuilding a missing index from the event files.
 * (Committed appends are finished from the journal by {@link JournalApplier#redo}.)
 */
final class StoreRecovery {
    private final StoreLayout layout;
    private final StoreScanner scanner;

    StoreRecovery(StoreLayout layout) {
        this.layout = layout;
        this.scanner = new StoreScanner(layout);
    }

    /** Temporary files of an interrupted registry, marker or index write in {@code metadata/}. */
    int removeMetadataTemporaries() throws IOException {
        return AtomicFileWriter.removeTemporaries(layout.metadata());
    }

    /**
     * Rebuilds the index from the event files when {@code metadata/event-index.jsonl} is missing: every
     * event file is read, and the events must form positions 1..N without gap.
     *
     * @throws CorruptDataException when an event file is unreadable or the positions have a gap
     */
    private List<IndexEntry> rangeEntries(StoreScanner.Found found, EventFileCodec codec) throws IOException {
        String name = layout.relative(found.path());
        var file = new RangeFile(found.path(), name, Files.readAllBytes(found.path()));
        var entries = new ArrayList<IndexEntry>(file.lines());
        for (int i = 0; i < file.lines(); i++) {
            String where = name + " line " + (i + 1);
            var stamp = file.stamp(i).orElseThrow(() -> new CorruptDataException(where, "the line has no stamp"));
            byte[] line = file.line(i);
            RecordedEvent event = codec.decode(where, line);
            entries.add(new IndexEntry(event.position().value(), stamp, event.stream(), event.version().value(),
                    event.eventType(), event.schemaVersion(), event.eventId(), line.length));
        }
        return entries;
    }

    byte[] rebuildIndex(EventFileCodec codec) throws IOException {
        var entries = new ArrayList<IndexEntry>();
        for (StoreScanner.Found found : scanner.scan()) {
            if (found.kind() == StoreScanner.Kind.RANGE) {
                entries.addAll(rangeEntries(found, codec));
                continue;
            }
            if (found.kind() != StoreScanner.Kind.EVENT) {
                continue;
            }
            byte[] bytes = Files.readAllBytes(found.path());
            RecordedEvent event = codec.decode(layout.relative(found.path()), bytes);
            entries.add(new IndexEntry(event.position().value(), found.name().orElseThrow().stamp(), event.stream(),
                    event.version().value(), event.eventType(), event.schemaVersion(), event.eventId(), bytes.length));
        }
        entries.sort(Comparator.comparingLong(IndexEntry::position));
        var check = new StoreIndex();
        var lines = new IndexLineCodec();
        var out = new ByteArrayOutputStream();
        for (IndexEntry entry : entries) {
            try {
                if (!check.add(entry)) {
                    throw new IllegalStateException("two event files claim position " + entry.position());
                }
            } catch (IllegalStateException e) {
                throw new CorruptDataException(layout.index().toString(), "it is missing and cannot be rebuilt from the"
                        + " event files: " + e.getMessage() + "; restore it from a backup");
            }
            lines.write(out, entry, true);
        }
        return out.toByteArray();
    }


}
