package dev.dossier.eventstore.testing;

import dev.dossier.domain.error.StorageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A temporary directory of one test store: uniquely named, deleted with everything in it. */
final class ScratchDirectory {
    private ScratchDirectory() {
    }

    static Path create() {
        try {
            return Files.createTempDirectory("dossier-test-");
        } catch (IOException e) {
            throw new StorageException("create a temporary directory for a test store", e);
        }
    }

    /** Deletes {@code directory} and its content, without following links. */
    static void delete(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new StorageException("delete the temporary test store " + directory, e);
        }
    }
}
