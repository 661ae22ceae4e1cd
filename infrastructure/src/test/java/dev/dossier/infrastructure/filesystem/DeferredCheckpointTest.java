package dev.dossier.infrastructure.filesystem;

import static dev.dossier.infrastructure.filesystem.FileSystemFixture.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dossier.domain.model.ExpectedVersion;
import dev.dossier.domain.model.GlobalPosition;
import dev.dossier.domain.model.NewEvent;
import dev.dossier.domain.model.RawJson;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.domain.model.StreamId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints wait until their time: sealed journals keep their events safe meanwhile, a power cut then
 * loses nothing, and the checkpoints run once the writer pauses, four sealed journals wait, a pack drains
 * or the store closes.
 */
class DeferredCheckpointTest {
    private static final int INTERVAL = 4;
    /** Never due by time: only four waiting journals, a drain or the close make a checkpoint run. */
    private static final CheckpointTiming ONLY_WHEN_FOUR_WAIT =
            new CheckpointTiming(4, 4, Long.MAX_VALUE, Long.MAX_VALUE, true);

    @TempDir
    Path dir;

    private Path root;

    private FileSystemEventStore open(CheckpointTiming timing) {
        root = dir.resolve("store");
        return FileSystemEventStore.open(FileStoreOptions.at(root).withCheckpointInterval(INTERVAL), timing);
    }

    @Test
    void sealed_journals_wait_until_four_do_and_then_the_oldest_is_forced() throws Exception {
        try (var store = open(ONLY_WHEN_FOUR_WAIT)) {
            appendEvents(store, 3 * INTERVAL);
            assertThat(sealedJournals()).hasSize(3);

            appendEvents(store, INTERVAL);
            assertThat(eventually(() -> sealedJournals().size() <= 3)).as("the oldest forced, 10 s at most").isTrue();
        }
        assertThat(sealedJournals()).isEmpty();
        assertThat(FileStoreVerifier.at(root).verify().problems()).isEmpty();
    }

    @Test
    void sealed_journals_are_finished_once_the_writer_pauses() throws Exception {
        var pausesCount = new CheckpointTiming(4, 4, TimeUnit.MILLISECONDS.toNanos(50), Long.MAX_VALUE, true);
        try (var store = open(pausesCount)) {
            appendEvents(store, 3 * INTERVAL);
            assertThat(eventually(() -> sealedJournals().isEmpty())).as("finished within 10 s of the pause").isTrue();
        }
        assertThat(FileStoreVerifier.at(root).verify().problems()).isEmpty();
    }

    @Test
    void a_power_cut_while_sealed_journals_wait_loses_no_acknowledged_event() throws Exception {
        Path cut = dir.resolve("cut");
        List<RecordedEvent> acknowledged;
        try (var store = open(ONLY_WHEN_FOUR_WAIT)) {
            acknowledged = appendEvents(store, 3 * INTERVAL + 2);
            assertThat(sealedJournals()).hasSize(3);
            FileSystemFixture.copyTree(root, cut);
        }
        loseEverythingNeverForced(cut);

        try (var reopened = FileSystemEventStore.open(cut)) {
            assertThat(reopened.readAll(GlobalPosition.FIRST, 1_000)).isEqualTo(acknowledged);
        }
        try (Stream<Path> metadata = Files.list(cut.resolve("metadata"))) {
            assertThat(metadata.map(p -> p.getFileName().toString())).noneMatch(StoreLayout::isSealedJournal);
        }
        assertThat(FileStoreVerifier.at(cut).verify().problems()).isEmpty();
    }

    @Test
    void closing_finishes_every_waiting_checkpoint() throws IOException {
        try (var store = open(ONLY_WHEN_FOUR_WAIT)) {
            appendEvents(store, 3 * INTERVAL);
            assertThat(sealedJournals()).hasSize(3);
        }
        assertThat(sealedJournals()).isEmpty();
        assertThat(FileStoreVerifier.at(root).verify().problems()).isEmpty();
    }

    @Test
    void a_pack_finishes_waiting_checkpoints_and_appends_go_on_after_it() throws IOException {
        var all = new ArrayList<RecordedEvent>();
        try (var store = open(ONLY_WHEN_FOUR_WAIT)) {
            all.addAll(appendEvents(store, 3 * INTERVAL));
            store.pack();
            assertThat(sealedJournals()).isEmpty();

            all.addAll(appendEvents(store, 3 * INTERVAL));
            assertThat(sealedJournals()).hasSize(3);
            assertThat(store.readAll(GlobalPosition.FIRST, 1_000)).isEqualTo(all);
        }
        assertThat(sealedJournals()).isEmpty();
        assertThat(FileStoreVerifier.at(root).verify().problems()).isEmpty();
    }

    /**
     * What a power cut may take when no checkpoint has run since the store was made: every event file and
     * aggregate directory (never forced) and every index line (forced only by checkpoints).
     */
    private static void loseEverythingNeverForced(Path store) throws IOException {
        FileSystemFixture.deleteTree(store.resolve("order"));
        Files.write(store.resolve("metadata").resolve("event-index.jsonl"), new byte[0],
                StandardOpenOption.TRUNCATE_EXISTING);
    }

    private static List<RecordedEvent> appendEvents(FileSystemEventStore store, int count) {
        var appended = new ArrayList<RecordedEvent>();
        for (int i = 0; i < count; i++) {
            appended.addAll(store.append(StreamId.of("order", "o-" + i % 3), ExpectedVersion.any(),
                    NewEvent.of("Placed", RawJson.of("{\"i\":" + i + "}"))).events());
        }
        return appended;
    }

    private List<Path> sealedJournals() {
        try (Stream<Path> metadata = Files.list(root.resolve("metadata"))) {
            return metadata.filter(p -> StoreLayout.isSealedJournal(p.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
