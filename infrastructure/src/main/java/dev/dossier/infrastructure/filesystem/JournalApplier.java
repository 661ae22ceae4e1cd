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

/**
 * Carries committed journal records out to where readers find them: the event files and the index. Also
 * redoes that work after a crash, and checkpoints (forces files, directories and index, then empties the
 * journal). Use only while holding the store's write lock.
 */
final class JournalApplier {
    private final StoreLayout layout;
    private final DurableFiles files;
    private final IndexLog log;
    private final Journal journal;

    JournalApplier(StoreLayout layout, DurableFiles files, IndexLog log, Journal journal) {
        this.layout = layout;
        this.files = files;
        this.log = log;
        this.journal = journal;
    }

    /** Writes the event files of freshly committed batches, then their index lines (which makes them visible). */
    void apply(List<List<Journal.Record>> batches) throws IOException {
        var entries = new ArrayList<List<IndexEntry>>(batches.size());
        for (List<Journal.Record> batch : batches) {
            for (Journal.Record record : batch) {
                Path file = fileOf(record.entry());
                files.createDirectories(layout.root(), file.getParent(), new ArrayList<>());
                files.writeDirect(file, record.file());
            }
            entries.add(batch.stream().map(Journal.Record::entry).toList());
        }
        log.append(entries, false);
    }

    /**
     * Makes files and index agree with committed records after a crash: a record already in the index must
     * have its exact file (rewritten atomically when it was lost or torn); a record not yet in the index gets
     * its file and then its index line. Temporary files in the directories involved are removed.
     */
    void redo(List<Journal.Record> records) throws IOException {
        long indexed = log.lastPosition();
        var toIndex = new ArrayList<List<IndexEntry>>();
        var batch = new ArrayList<IndexEntry>();
        Set<Path> directories = new LinkedHashSet<>();
        for (Journal.Record record : records) {
            Path file = fileOf(record.entry());
            directories.add(file.getParent());
            if (record.entry().position() <= indexed) {
                if (!hasContent(file, record.file())) {
                    files.createDirectories(layout.root(), file.getParent(), new ArrayList<>());
                    files.writeAtomically(file, record.file());
                }
                continue;
            }
            files.createDirectories(layout.root(), file.getParent(), new ArrayList<>());
            files.writeDirect(file, record.file());
            batch.add(record.entry());
            if (record.commit()) {
                toIndex.add(List.copyOf(batch));
                batch.clear();
            }
        }
        if (!toIndex.isEmpty()) {
            log.append(toIndex, false);
        }
        for (Path directory : directories) {
            removeTemporaryFiles(directory);
        }
    }

    /** Forces every file, directory and index line the journal protects, then starts an empty journal. */
    void checkpoint() throws IOException {
        Set<Path> eventFiles = new LinkedHashSet<>();
        Set<Path> directories = new LinkedHashSet<>();
        for (Journal.Record record : journal.sinceCheckpoint()) {
            Path file = fileOf(record.entry());
            eventFiles.add(file);
            directories.add(file.getParent());
            directories.add(file.getParent().getParent());
        }
        ParallelForce.run(eventFiles, files::syncFile);
        ParallelForce.run(directories, files::syncDirectory);
        files.syncDirectory(layout.root());
        log.force(files.syncs());
        journal.reset(log.lastPosition());
    }

    private Path fileOf(IndexEntry entry) {
        return layout.eventFile(entry.stream(), entry.stamp(), entry.eventType());
    }

    private static boolean hasContent(Path file, byte[] expected) throws IOException {
        try {
            return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                    && Files.size(file) == expected.length && Arrays.equals(Files.readAllBytes(file), expected);
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    private void removeTemporaryFiles(Path directory) throws IOException {
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var entries = Files.newDirectoryStream(directory, p -> StoreLayout.isTemporary(p.getFileName().toString()))) {
            for (Path temp : entries) {
                Files.deleteIfExists(temp);
            }
        }
    }
}
