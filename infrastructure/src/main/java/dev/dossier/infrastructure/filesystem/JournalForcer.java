package dev.dossier.infrastructure.filesystem;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Forces what committed journal records are written to: their event and range files, their directories,
 * the store directory and the index, in that order. Throws {@link IOException} when a force fails. Only
 * forces what is written, so it may run on a background thread while the writer goes on.
 */
final class JournalForcer {
    private final StoreLayout layout;
    private final DurableFiles files;
    private final IndexLog log;
    private final JournalUnits units;

    JournalForcer(StoreLayout layout, DurableFiles files, IndexLog log, JournalUnits units) {
        this.layout = layout;
        this.files = files;
        this.log = log;
        this.units = units;
    }

    /** The files and directories that hold {@code records}, each once, in the order of the records. */
    JournalApplier.ForceList forceListOf(List<Journal.Record> records) {
        Set<Path> eventFiles = new LinkedHashSet<>();
        Set<Path> directories = new LinkedHashSet<>();
        for (List<Journal.Record> unit : JournalUnits.batchesOf(records).stream()
                .flatMap(b -> JournalUnits.filesOf(b).stream()).toList()) {
            Path file = units.fileOf(unit);
            eventFiles.add(file);
            directories.add(file.getParent());
            directories.add(file.getParent().getParent());
        }
        return new JournalApplier.ForceList(List.copyOf(eventFiles), List.copyOf(directories));
    }

    /**
     * Forces {@code list}, then the store directory and the index: one file after another until
     * {@code atOnce} says otherwise, from then on many files at once.
     */
    void force(JournalApplier.ForceList list, BooleanSupplier atOnce) throws IOException {
        forceAll(list.eventFiles(), files::syncFile, atOnce);
        forceAll(list.directories(), files::syncDirectory, atOnce);
        files.syncDirectory(layout.root());
        log.force(files.syncs());
    }

    private static void forceAll(List<Path> paths, ParallelForce.Force force, BooleanSupplier atOnce)
            throws IOException {
        for (int i = 0; i < paths.size(); i++) {
            if (atOnce.getAsBoolean()) {
                ParallelForce.run(paths.subList(i, paths.size()), force);
                return;
            }
            force.apply(paths.get(i));
        }
    }
}
