package dev.dossier.eventstore.replay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import dev.dossier.domain.error.StorageException;
import java.util.Comparator;
import java.util.stream.Stream;

/** Temporary directory trees this package creates: filled by copying a store, deleted after use. */
final class TemporaryDirectory {
    /** Not copied: migration backups, which the store never reads. */
    private static final String BACKUP = "backup";

    private TemporaryDirectory() {
    }

    /** Copies the store at {@code source} into the empty directory {@code target}, without following links. */
    static void copy(Path source, Path target) {
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path path : walk.sorted().toList()) {
                Path relative = source.relativize(path);
                if (relative.toString().isEmpty() || relative.startsWith(BACKUP) || Files.isSymbolicLink(path)) {
                    continue;
                }
                Path copy = target.resolve(relative.toString());
                if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(path, copy);
                }
            }
        } catch (IOException e) {
            throw new StorageException("copy the store " + source + " for reading", e);
        }
    }

    static void delete(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // left for the operating system's temporary-file cleanup
                }
            });
        } catch (IOException e) {
            // left for the operating system's temporary-file cleanup
        }
    }
}
