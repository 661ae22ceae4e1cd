package dev.dossier.infrastructure.filesystem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dossier.domain.model.ExpectedVersion;
import dev.dossier.domain.model.NewEvent;
import dev.dossier.domain.model.RawJson;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.domain.model.StreamId;
import dev.dossier.infrastructure.contract.SteppingClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An automatic pack deletes the files it replaced on the background thread: they and the pack's intent go
 * without another append, a copy taken while they go (any part of them gone, as a power cut may leave it)
 * opens with every event and verifies clean, a verify meanwhile waits for them, and the close leaves no
 * intent.
 */
class PackCleanupTest {
    private static final StreamId ORDER = StreamId.of("order", "o-1");

    @TempDir
    Path dir;

    private final SteppingClock clock = new SteppingClock(Instant.parse("2026-11-23T13:09:02.123Z"));

    @Test
    void the_files_an_automatic_pack_replaced_go_in_the_background_and_a_copy_meanwhile_loses_nothing()
            throws Exception {
        Path root = dir.resolve("store");
        Path cut = dir.resolve("cut");
        Path aggregate = root.resolve("order/o-1");
        List<RecordedEvent> appended;
        try (var store = FileSystemEventStore.open(FileStoreOptions.at(root).withClock(clock).withPackKeep(10)
                .withPackEvery(40).withCheckpointInterval(2))) {
            appendSingles(store, 39);
            assertThat(FileSystemFixture.eventually(() -> sealedJournals(root) == 0))
                    .as("checkpointed once the writer pauses (a journal protects its events from packing)").isTrue();
            assertThat(RangeFilesTest.list(aggregate)).hasSize(39).noneMatch(f -> f.endsWith(".jsonl"));

            appendSingles(store, 1);
            FileSystemFixture.copyTree(root, cut);
            assertThat(FileStoreVerifier.at(root).verify().problems()).as("verify waits for the deletions").isEmpty();
            appended = store.readStream(ORDER);
            assertThat(FileSystemFixture.eventually(() -> RangeFilesTest.list(aggregate).size() <= 11))
                    .as("the replaced files deleted within 10 s, without another append").isTrue();
            assertThat(RangeFilesTest.list(aggregate)).hasSize(11).first().asString().endsWith(".jsonl");
            assertThat(store.readStream(ORDER)).isEqualTo(appended).hasSize(40);
            Path intent = root.resolve("metadata").resolve(PackIntent.FILE);
            assertThat(FileSystemFixture.eventually(() -> !Files.exists(intent))).as("the intent cleared by the last slice, 10 s at most")
                    .isTrue();
        }
        assertThat(root.resolve("metadata").resolve(PackIntent.FILE)).doesNotExist();
        assertThat(FileStoreVerifier.at(root).verify().problems()).isEmpty();

        try (var reopened = FileSystemEventStore.open(cut)) {
            assertThat(reopened.readStream(ORDER)).isEqualTo(appended);
        }
        assertThat(cut.resolve("metadata").resolve(PackIntent.FILE)).doesNotExist();
        assertThat(FileStoreVerifier.at(cut).verify().problems()).isEmpty();
    }

    private void appendSingles(FileSystemEventStore store, int count) {
        for (int i = 0; i < count; i++) {
            clock.advance(Duration.ofMillis(1));
            store.append(ORDER, ExpectedVersion.any(), NewEvent.of("Noted", RawJson.of("{\"i\":" + i + "}")));
        }
    }

    private static long sealedJournals(Path root) throws IOException {
        try (var files = Files.list(root.resolve("metadata"))) {
            return files.filter(p -> StoreLayout.isSealedJournal(p.getFileName().toString())).count();
        }
    }
}
