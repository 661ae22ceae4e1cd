package dev.dossier.infrastructure.filesystem;

import java.nio.file.Path;
import java.util.List;

/**
 * A sealed journal waiting for its checkpoint. It keeps the journal's records only until it first works out
 * which files they lie in, so that a waiting checkpoint holds paths, not payloads.
 */
final class PendingCheckpoint {
    private final Path path;
    private final long sealedAt;
    private List<Journal.Record> records;
    private JournalApplier.ForceList forceList;

    PendingCheckpoint(Path path, List<Journal.Record> records, long sealedAt) {
        this.path = path;
        this.records = List.copyOf(records);
        this.sealedAt = sealedAt;
    }

    /** The sealed journal's path in {@code metadata/}. */
    Path path() {
        return path;
    }

    /** When it was sealed, in {@link System#nanoTime()}. */
    long sealedAt() {
        return sealedAt;
    }

    /** The files and directories its checkpoint forces. */
    synchronized JournalApplier.ForceList forceList(JournalApplier applier) {
        if (forceList == null) {
            forceList = applier.forceListOf(records);
            records = null;
        }
        return forceList;
    }
}
