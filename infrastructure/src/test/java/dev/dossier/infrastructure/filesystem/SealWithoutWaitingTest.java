package dev.dossier.infrastructure.filesystem;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A writer that does not wait for the spare journal (the default) seals the journal at the first commit
 * after the spare is ready, and waits for it only once the journal holds two checkpoints' worth: with
 * single appends and no checkpoint due, every sealed journal holds one to two checkpoints' worth of events,
 * and a power cut loses none of them. (Whether a seal is put off depends on how fast the spare is made
 * here; {@link CheckpointTimingTest} pins the rule itself.)
 */
class SealWithoutWaitingTest {
    private static final int INTERVAL = 4;
    private static final int EVENTS = 12 * INTERVAL;
    /** Never waits for a spare; checkpoints run only at the close, so every sealed journal stays to be read. */
    private static final CheckpointTiming SEALS_WITHOUT_WAITING =
            new CheckpointTiming(1_000, 1_000, Long.MAX_VALUE, Long.MAX_VALUE, false);

    @TempDir
    Path dir;

    @Test
    void every_sealed_journal_holds_one_to_two_checkpoints_worth_and_a_power_cut_loses_none() throws IOException {
        Path root = dir.resolve("store");
        Path cut = dir.resolve("cut");
        var acknowledged = new ArrayList<RecordedEvent>();
        try (var store = FileSystemEventStore.open(FileStoreOptions.at(root).withCheckpointInterval(INTERVAL),
                SEALS_WITHOUT_WAITING)) {
            for (int i = 0; i < EVENTS; i++) {
                acknowledged.addAll(store.append(StreamId.of("order", "o-" + i % 3), ExpectedVersion.any(),
                        NewEvent.of("Placed", RawJson.of("{\"i\":" + i + "}"))).events());
            }
            List<JournalSegments.Sealed> sealed = JournalSegments.read(new StoreLayout(root.toAbsolutePath()),
                    new DurableFiles(Durability.SYNC, false, false));
            assertThat(sealed).allSatisfy(journal -> assertThat(journal.records()).hasSizeBetween(INTERVAL, 2 * INTERVAL));
            assertThat(JournalSegments.recordsOf(sealed)).as("all but the live journal's, at most 2 intervals")
                    .hasSizeGreaterThan(EVENTS - 2 * INTERVAL);
            FileSystemFixture.copyTree(root, cut);
        }
        FileSystemFixture.deleteTree(cut.resolve("order"));
        Files.write(cut.resolve("metadata").resolve("event-index.jsonl"), new byte[0], StandardOpenOption.TRUNCATE_EXISTING);

        try (var reopened = FileSystemEventStore.open(cut)) {
            assertThat(reopened.readAll(GlobalPosition.FIRST, 1_000)).isEqualTo(acknowledged);
        }
        assertThat(FileStoreVerifier.at(cut).verify().problems()).isEmpty();
        assertThat(FileStoreVerifier.at(root).verify().problems()).isEmpty();
    }
}
