package dev.dossier.infrastructure.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dossier.domain.error.StorageException;
import dev.dossier.domain.model.ExpectedVersion;
import dev.dossier.domain.model.NewEvent;
import dev.dossier.domain.model.RawJson;
import dev.dossier.domain.model.StreamId;
import dev.dossier.infrastructure.faults.FaultyFileSystem;
import dev.dossier.infrastructure.faults.Faults;
import dev.dossier.infrastructure.faults.Op;
import dev.dossier.infrastructure.filesystem.Durability;
import dev.dossier.infrastructure.filesystem.FileStoreOptions;
import dev.dossier.infrastructure.filesystem.FileSystemEventStore;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second store instance (standing in for another process: it has its own index and journal channels)
 * looks at the store between the writer's journal write and its failing force; the writer then cuts the
 * journal back. The reader must never have seen that commit (index lines are written only after the
 * journal force succeeded), and both must go on appending without a hole or a reused position.
 */
class FailedForceSeenByAnotherReaderTest {
    private static final StreamId STREAM = StreamId.of("account", "a");

    @TempDir
    Path dir;

    @Test
    void a_commit_whose_journal_force_failed_is_never_seen_by_another_reader_and_leaves_no_hole() {
        Path root = dir.resolve("store");
        var reader = FileSystemEventStore.open(FileStoreOptions.at(root).withDurability(Durability.SYNC));
        reader.append(STREAM, ExpectedVersion.noStream(), NewEvent.of("Opened", RawJson.of("{}")));
        var faults = new Faults();
        var writer = FileSystemEventStore.open(FileStoreOptions.at(new FaultyFileSystem(faults).wrap(root)));
        var seenByReader = new AtomicLong();
        faults.listen((index, op, path) -> {
            if (op == Op.FORCE && path.endsWith("journal.jsonl") && seenByReader.get() == 0) {
                seenByReader.set(reader.lastPosition());
                faults.failAt(index);
            }
        });

        assertThatThrownBy(() -> writer.append(STREAM, ExpectedVersion.exactly(1), NewEvent.of("Lost", RawJson.of("{}"))))
                .isInstanceOf(StorageException.class);
        assertThat(seenByReader.get()).as("the reader never sees the unforced commit").isEqualTo(1);
        assertThat(writer.lastPosition()).isEqualTo(1);

        reader.append(STREAM, ExpectedVersion.exactly(1), NewEvent.of("Next", RawJson.of("{}")));
        reader.close();
        writer.append(STREAM, ExpectedVersion.exactly(2), NewEvent.of("Deposited", RawJson.of("{}")));
        writer.close();

        assertThat(StoreAudit.check(root, Durability.OS_BUFFERED)).extracting(e -> e.eventType().value())
                .containsExactly("Opened", "Next", "Deposited");
    }
}
