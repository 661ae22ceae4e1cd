package dev.dossier.infrastructure.filesystem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The sealed journals in {@code metadata/}: {@code journal-<20-digit position>.jsonl}, each the journal a
 * background checkpoint took over. A sealed journal protects its events until that checkpoint has forced
 * them; then it is deleted. One left behind (by a crash, or a checkpoint that failed) is finished when the
 * store is next opened or closed.
 */
final class JournalSegments {
    private JournalSegments() {
    }

    /** One sealed journal and the records it protects. */
    record Sealed(Path path, List<Journal.Record> records) {
    }

    /** The sealed journals on disk, oldest first, with their committed records. */
    static List<Sealed> read(StoreLayout layout, DurableFiles files) throws IOException {
        var paths = new ArrayList<Path>();
        try (var entries = Files.newDirectoryStream(layout.metadata(),
                p -> StoreLayout.isSealedJournal(p.getFileName().toString()))) {
            entries.forEach(paths::add);
        }
        paths.sort(null);
        var sealed = new ArrayList<Sealed>(paths.size());
        for (Path path : paths) {
            try (var journal = new Journal(path, files)) {
                sealed.add(new Sealed(path, journal.readCommitted()));
            } catch (NoSuchFileException e) {
                // finished and deleted meanwhile by the checkpoint of the process that sealed it
            }
        }
        return sealed;
    }

    /** Whether {@code metadata} holds a sealed journal. */
    static boolean anySealed(Path metadata) throws IOException {
        return !firstPositions(metadata).isEmpty();
    }

    /** The positions of the first events of the sealed journals in {@code metadata}. */
    static List<Long> firstPositions(Path metadata) throws IOException {
        var firsts = new ArrayList<Long>();
        try (var entries = Files.newDirectoryStream(metadata,
                p -> StoreLayout.isSealedJournal(p.getFileName().toString()))) {
            entries.forEach(p -> firsts.add(StoreLayout.sealedJournalFirst(p.getFileName().toString())));
        }
        return firsts;
    }

    /** All records of {@code sealed}, in order. */
    static List<Journal.Record> recordsOf(List<Sealed> sealed) {
        var records = new ArrayList<Journal.Record>();
        sealed.forEach(s -> records.addAll(s.records()));
        return records;
    }
}
