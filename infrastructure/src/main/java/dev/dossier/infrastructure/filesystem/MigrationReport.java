package dev.dossier.infrastructure.filesystem;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@code migrate} did.
 *
 * @param rewritten  event files rewritten at the current schema (renamed types included)
 * @param renamed    of those, files whose event type, and so file name, changed
 * @param splitKept  files left as stored because their upcasting splits them (a split cannot be stored
 *                   in place without changing positions and versions; it keeps being split on read)
 * @param backup     the backup directory holding the originals and the old index; empty when nothing changed
 */
public record MigrationReport(Path root, int eventFiles, int rewritten, int renamed, int splitKept,
                              Optional<Path> backup) {
}
