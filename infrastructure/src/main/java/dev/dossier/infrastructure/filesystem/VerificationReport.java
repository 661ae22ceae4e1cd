package dev.dossier.infrastructure.filesystem;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link FileStoreVerifier} found.
 *
 * @param root         the store directory
 * @param eventFiles   how many event files were read
 * @param rangeFiles   how many range files were read
 * @param indexEntries how many committed lines the index holds (up to the first unreadable one)
 * @param problems     every problem, in the order found; empty for a sound store
 */
public record VerificationReport(Path root, long eventFiles, long rangeFiles, long indexEntries,
                                 List<StoreProblem> problems) {
    public VerificationReport {
        problems = List.copyOf(problems);
    }

    /** Whether no problem was found. */
    public boolean isClean() {
        return problems.isEmpty();
    }
}
