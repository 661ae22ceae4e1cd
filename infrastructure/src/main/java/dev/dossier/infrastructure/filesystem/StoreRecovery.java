package dev.dossier.infrastructure.filesystem;

import dev.dossier.domain.error.CorruptDataException;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.domain.model.StreamId;
import dev.dossier.infrastructure.common.EventStamp;
import dev.dossier.infrastructure.common.IndexEntry;
import dev.dossier.infrastructure.common.StoreIndex;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Brings a store back to a clean state after an interrupted write. Runs while holding the write lock:
 * removes temporary files (in aggregate directories and in {@code metadata/}) and event files that no
 * committed index line names (a batch that never committed), and rebuilds a missing index from the event
 * files.
 */
final class StoreRecovery {
    private final StoreLayout layout;
    private final StoreScanner scanner;

    StoreRecovery(StoreLayout layout) {
        this.layout = layout;
        this.scanner = new StoreScanner(layout);
    }

    /** Deletes leftovers everywhere in the store; returns how many files were removed. */
    int removeLeftovers(StoreIndex index) throws IOException {
        var committed = new HashMap<StreamId, Set<EventStamp>>();
        int removed = 0;
        for (StoreScanner.Found found : scanner.scan()) {
            boolean leftover = switch (found.kind()) {
                case TEMPORARY -> true;
                case EVENT -> !committed.computeIfAbsent(found.stream().orElseThrow(), s -> stampsOf(index, s))
                        .contains(found.name().orElseThrow().stamp());
                default -> false;
            };
            if (leftover) {
                Files.deleteIfExists(found.path());
                removed++;
            }
        }
        return removed + removeMetadataTemporaries();
    }

    /** Temporary files of an interrupted registry, marker or index write in {@code metadata/}. */
    private int removeMetadataTemporaries() throws IOException {
        int removed = 0;
        try (var files = Files.newDirectoryStream(layout.metadata())) {
            for (Path file : files) {
                if (StoreLayout.isTemporary(file.getFileName().toString())) {
                    Files.deleteIfExists(file);
                    removed++;
                }
            }
        }
        return removed;
    }

    /** Deletes leftovers in one aggregate directory (after a failed write in this process). */
    void removeLeftovers(StoreIndex index, StreamId stream) throws IOException {
        Path directory = layout.aggregateDirectory(stream);
        if (!Files.isDirectory(directory)) {
            return;
        }
        Set<EventStamp> stamps = stampsOf(index, stream);
        try (var files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                boolean leftover = StoreLayout.isTemporary(name) || StoreLayout.parseEventFileName(name)
                        .map(parsed -> !stamps.contains(parsed.stamp())).orElse(false);
                if (leftover) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /**
     * Rebuilds the index from the event files when {@code metadata/event-index.jsonl} is missing: every
     * event file is read, and the events must form positions 1..N without gap.
     *
     * @throws CorruptDataException when an event file is unreadable or the positions have a gap
     */
    byte[] rebuildIndex(EventFileCodec codec) throws IOException {
        var entries = new ArrayList<IndexEntry>();
        for (StoreScanner.Found found : scanner.scan()) {
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

    private static Set<EventStamp> stampsOf(StoreIndex index, StreamId stream) {
        List<IndexEntry> entries = index.stream(stream, 1);
        return entries.stream().map(IndexEntry::stamp).collect(Collectors.toSet());
    }

}
