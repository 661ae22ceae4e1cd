package dev.dossier.eventstore.replay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Deletes a temporary directory tree this package created; failures are ignored (it is temporary). */
final class TemporaryDirectory {
    private TemporaryDirectory() {
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
