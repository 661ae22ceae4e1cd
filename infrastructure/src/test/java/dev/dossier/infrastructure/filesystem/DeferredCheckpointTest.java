package dev.dossier.infrastructure.filesystem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dossier.domain.model.ExpectedVersion;
import dev.dossier.domain.model.GlobalPosition;
import dev.dossier.domain.model.NewEvent;
import dev.dossier.domain.model.RawJson;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.domain.model.StreamId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints wait while the writer is busy: sealed journals keep their events safe meanwhile, a crash then
 * loses nothing, and the checkpoints run once the writer pauses or the store closes.
 */
class DeferredCheckpointTest {
    private static final int INTERVAL = 4;

    @TempDir
    Path dir;

    @Test
    void sealed_journals_wait_while_the_writer_is_busy_and_are_finished_once_it_pauses() throws Exception {
        Path root = dir.resolve("store");
        try (var store = FileSystemEventStore.open(options(root))) {
            int mostWaiting = 0;
            for (int i = 0; i < 50 * INTERVAL; i++) {
                append(store, i);
                mostWaiting = Math.max(mostWaiting, sealedJournals(root).size());
            }
            assertThat(mostWaiting).as("sealed journals seen waiting at once").isGreaterThanOrEqualTo(2);

            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!sealedJournals(root).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(sealedJournals(root)).as("sealed journals left 10 s after the writer paused").isEmpty();
        }
        assertThat(FileStoreVerifier.at(root).verify().problems()).isEmpty();
    }

    @Test
    void a_crash_while_sealed_journals_wait_loses_no_acknowledged_event() throws Exception {
        Path root = dir.resolve("store");
        Path crashed = dir.resolve("crashed");
        var acknowledged = new ArrayList<RecordedEvent>();
        try (var store = FileSystemEventStore.open(options(root))) {
            boolean copied = false;
            for (int i = 0; i < 40 * INTERVAL && !copied; i++) {
                acknowledged.addAll(append(store, i));
                if (sealedJournals(root).size() >= 2) {
                    copy(root, crashed);
                    copied = !sealedJournals(crashed).isEmpty();
                }
            }
            assertThat(copied).as("a copy taken while sealed journals waited").isTrue();
        }
        try (var reopened = FileSystemEventStore.open(crashed)) {
            assertThat(reopened.readAll(GlobalPosition.FIRST, 10_000)).isEqualTo(acknowledged);
        }
        assertThat(sealedJournals(crashed)).isEmpty();
        assertThat(FileStoreVerifier.at(crashed).verify().problems()).isEmpty();
    }

    @Test
    void closing_finishes_every_waiting_checkpoint() throws IOException {
        Path root = dir.resolve("store");
        try (var store = FileSystemEventStore.open(options(root))) {
            for (int i = 0; i < 10 * INTERVAL; i++) {
                append(store, i);
            }
        }
        assertThat(sealedJournals(root)).isEmpty();
        assertThat(FileStoreVerifier.at(root).verify().problems()).isEmpty();
    }

    /**
     * Checkpoints every four events, not durable: what is tested is when checkpoints run, and appends
     * without forces leave no pause long enough to count as the writer's rest, even on a busy machine.
     */
    private static FileStoreOptions options(Path root) {
        return FileStoreOptions.at(root).withCheckpointInterval(INTERVAL).withDurability(Durability.OS_BUFFERED);
    }

    private static List<RecordedEvent> append(FileSystemEventStore store, int i) {
        return store.append(StreamId.of("order", "o-" + i % 3), ExpectedVersion.any(),
                NewEvent.of("Placed", RawJson.of("{\"i\":" + i + "}"))).events();
    }

    private static List<Path> sealedJournals(Path root) throws IOException {
        try (Stream<Path> metadata = Files.list(root.resolve("metadata"))) {
            return metadata.filter(p -> StoreLayout.isSealedJournal(p.getFileName().toString())).toList();
        }
    }

    /**
     * Copies the store as a killed process leaves it: every file as the operating system holds it now. The
     * checkpoint thread may delete a sealed journal meanwhile; then the copy starts again.
     */
    private static void copy(Path from, Path to) throws IOException {
        for (int attempt = 1; ; attempt++) {
            FileSystemFixture.deleteTree(to);
            try {
                copyOnce(from, to);
                return;
            } catch (UncheckedIOException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    private static void copyOnce(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            paths.forEach(source -> {
                Path target = to.resolve(from.relativize(source).toString());
                try {
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
