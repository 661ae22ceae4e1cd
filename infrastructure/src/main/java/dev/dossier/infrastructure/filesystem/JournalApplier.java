package dev.dossier.infrastructure.filesystem;

import dev.dossier.infrastructure.common.IndexEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Carries committed journal records out to where readers find them: the event files and the index. Also
 * redoes that work after a crash, and checkpoints (forces files, directories and index, then empties the
 * journal). Use only while holding the store's write lock. Which files records go to is
 * {@link JournalUnits}'s; forcing them is {@link JournalForcer}'s.
 */
final class JournalApplier {
    private final StoreLayout layout;
    private final DurableFiles files;
    private final IndexLog log;
    private final Journal journal;
    private final RangeCatalog catalog;
    private final JournalUnits units;
    private final JournalForcer forcer;

    JournalApplier(StoreLayout layout, DurableFiles files, IndexLog log, Journal journal, RangeCatalog catalog) {
        this.layout = layout;
        this.files = files;
        this.log = log;
        this.journal = journal;
        this.catalog = catalog;
        this.units = new JournalUnits(layout);
        this.forcer = new JournalForcer(layout, files, log, units);
    }

    /**
     * Writes the files of freshly committed batches (one event file for a single event, one range file for a
     * batch of several), then their index lines (which makes them visible).
     */
    void apply(List<List<Journal.Record>> batches) throws IOException {
        var entries = new ArrayList<List<IndexEntry>>(batches.size());
        for (List<Journal.Record> batch : batches) {
            for (List<Journal.Record> unit : JournalUnits.filesOf(batch)) {
                Path file = units.fileOf(unit);
                files.createDirectories(layout.root(), file.getParent(), new ArrayList<>());
                files.writeDirect(file, JournalUnits.contentOf(unit));
                noteRange(unit, file);
            }
            entries.add(batch.stream().map(Journal.Record::entry).toList());
        }
        log.append(entries, false);
    }

    /**
     * Makes files and index agree with committed records after a crash: a batch already in the index must
     * have its exact file (rewritten atomically when it was lost or torn); a batch not yet in the index gets
     * its file and then its index lines. Temporary files in the directories involved are removed.
     */
    void redo(List<Journal.Record> records) throws IOException {
        long indexed = log.lastPosition();
        var toIndex = new ArrayList<List<IndexEntry>>();
        Set<Path> directories = new LinkedHashSet<>();
        for (List<Journal.Record> batch : JournalUnits.batchesOf(records)) {
            boolean inIndex = batch.get(0).entry().position() <= indexed;
            for (List<Journal.Record> unit : JournalUnits.filesOf(batch)) {
                Path file = units.fileOf(unit);
                byte[] content = JournalUnits.contentOf(unit);
                directories.add(file.getParent());
                files.createDirectories(layout.root(), file.getParent(), new ArrayList<>());
                if (!inIndex) {
                    files.writeDirect(file, content);
                } else if (!hasContent(file, content)) {
                    files.writeAtomically(file, content);
                }
                noteRange(unit, file);
            }
            if (!inIndex) {
                toIndex.add(batch.stream().map(Journal.Record::entry).toList());
            }
        }
        if (!toIndex.isEmpty()) {
            log.append(toIndex, false);
        }
        for (Path directory : directories) {
            AtomicFileWriter.removeTemporaries(directory);
        }
    }

    /** Forces every file, directory and index line the journal protects, then starts an empty journal. */
    void checkpoint() throws IOException {
        force(journal.sinceCheckpoint());
        journal.reset(log.lastPosition());
    }

    /**
     * Forces the event files of {@code records}, their directories, the store directory and the index, many
     * at once. Safe to call from a background thread while the writer goes on: it only forces what is written.
     */
    void force(List<Journal.Record> records) throws IOException {
        force(forceListOf(records), () -> true);
    }

    /** What a checkpoint of some journal records forces: their event and range files, and their directories. */
    record ForceList(List<Path> eventFiles, List<Path> directories) {
    }

    /** The files and directories that hold {@code records}. */
    ForceList forceListOf(List<Journal.Record> records) {
        return forcer.forceListOf(records);
    }

    /**
     * Forces {@code list}, then the store directory and the index: one file after another, so that at most
     * one force competes with the journal's at any time, until {@code atOnce} says otherwise; from then on
     * many files at once (the file system commits concurrent forces together, so it ends sooner).
     */
    void force(ForceList list, BooleanSupplier atOnce) throws IOException {
        forcer.force(list, atOnce);
    }

    private void noteRange(List<Journal.Record> batch, Path file) {
        if (batch.size() > 1) {
            var name = new StoreLayout.RangeName(batch.get(0).entry().stamp(), batch.get(batch.size() - 1).entry().stamp());
            catalog.added(batch.get(0).entry().stream(), name, file);
        }
    }

    private static boolean hasContent(Path file, byte[] expected) throws IOException {
        try {
            return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                    && Files.size(file) == expected.length && Arrays.equals(Files.readAllBytes(file), expected);
        } catch (NoSuchFileException e) {
            return false;
        }
    }
}
